package io.accords.history;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link HistoryApiTest}, against the packaged application. */
@QuarkusIntegrationTest
class HistoryApiIT extends HistoryApiTest {}
