package io.accords.search;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link AgreementSearchApiTest}, against the packaged application. */
@QuarkusIntegrationTest
class AgreementSearchApiIT extends AgreementSearchApiTest {}
