package io.accords.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link ConditionalWritesApiTest}, against the packaged application. */
@QuarkusIntegrationTest
class ConditionalWritesApiIT extends ConditionalWritesApiTest {}
