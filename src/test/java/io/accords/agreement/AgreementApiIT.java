package io.accords.agreement;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link AgreementApiTest}, against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class AgreementApiIT extends AgreementApiTest {}
