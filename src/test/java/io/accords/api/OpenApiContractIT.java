package io.accords.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link OpenApiContractTest}, against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class OpenApiContractIT extends OpenApiContractTest {}
