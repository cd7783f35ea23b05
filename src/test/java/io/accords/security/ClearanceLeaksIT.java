package io.accords.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link ClearanceLeaksTest}, against the packaged application. */
@QuarkusIntegrationTest
class ClearanceLeaksIT extends ClearanceLeaksTest {}
