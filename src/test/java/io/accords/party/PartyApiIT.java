package io.accords.party;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link PartyApiTest}, against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class PartyApiIT extends PartyApiTest {}
