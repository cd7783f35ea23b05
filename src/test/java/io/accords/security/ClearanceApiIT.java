package io.accords.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link ClearanceApiTest}, against the packaged application. */
@QuarkusIntegrationTest
class ClearanceApiIT extends ClearanceApiTest {}
