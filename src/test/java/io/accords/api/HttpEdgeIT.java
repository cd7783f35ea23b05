package io.accords.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same scenarios as {@link HttpEdgeTest}, against the packaged application. */
@QuarkusIntegrationTest
class HttpEdgeIT extends HttpEdgeTest {}
