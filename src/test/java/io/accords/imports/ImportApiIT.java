package io.accords.imports;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The import tests against the packaged application: the worker thread, its transactions and the stored file. */
@QuarkusIntegrationTest
class ImportApiIT extends ImportApiTest {}
