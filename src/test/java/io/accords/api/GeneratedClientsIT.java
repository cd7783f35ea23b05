package io.accords.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The generated-client scenario in Python and TypeScript (GeneratedClientIT is the Java one): clients openapi-generator
 * makes from the committed contract (pom.xml), each running {@code clients/<language>/scenario} against the packaged
 * application: list, get, create, merge patch with If-Match, history and a diff, search by relevance, facets, NDJSON
 * export, the calendar, a graph as DOT, typed problems for 412, 409 and 404, and a delete. Needs Python 3 with
 * pydantic 2, urllib3 and python-dateutil, and Node.js with {@code npm ci} run (for TypeScript); skipped without them
 * unless {@code -Dclients.required=true} (as {@code .ci/run} sets), which makes their absence a failure.
 */
@QuarkusIntegrationTest
class GeneratedClientsIT {

    @Test
    void thePythonClientRunsTheScenario() throws Exception {
        assumeTool(List.of("python3", "-c", "import pydantic, urllib3, dateutil"), "Python 3 with pydantic 2");
        run(List.of("python3", "clients/python/scenario.py"), Map.of("PYTHONPATH", "target/generated-clients/python"));
    }

    @Test
    void theTypeScriptClientRunsTheScenario() throws Exception {
        Path tsc = Path.of("node_modules/.bin/tsc");
        assumeTool(List.of("node", "--version"), "Node.js");
        assumeTrue(Files.isExecutable(tsc), "TypeScript (npm ci)");
        run(List.of(tsc.toString(), "-p", "clients/typescript"), Map.of());
        run(List.of("node", "target/generated-clients/typescript-build/clients/typescript/scenario.js"), Map.of());
    }

    private static void run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("ACCORDS_URL", "http://localhost:" + RestAssured.port);
        builder.environment().put("ACCORDS_TOKEN", Tokens.cached("admin", "CONFIDENTIAL"));
        Process process = builder.start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(ended, String.join(" ", command) + " ended within 3 minutes:\n" + output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
    }

    private static void assumeTool(List<String> probe, String what) {
        boolean available;
        try {
            Process process =
                    new ProcessBuilder(probe).redirectErrorStream(true).start();
            available = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        assumeTrue(available, what);
    }

    private static void assumeTrue(boolean available, String what) {
        if (Boolean.getBoolean("clients.required")) {
            assertTrue(available, what + " is installed");
        }
        Assumptions.assumeTrue(available, what + " is not installed");
    }
}
