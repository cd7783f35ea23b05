package io.accords.idempotency;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link IdempotentCreatesApiTest}, against the packaged application. */
@QuarkusIntegrationTest
class IdempotentCreatesApiIT extends IdempotentCreatesApiTest {}
