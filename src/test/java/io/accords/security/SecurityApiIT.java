package io.accords.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link SecurityApiTest}, against the packaged application. */
@QuarkusIntegrationTest
class SecurityApiIT extends SecurityApiTest {}
