package io.accords.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/quarkus-app}) run as its own process, as an operator runs it. On the H2
 * build its database is a file in the given folder; on the PostgreSQL build it is the server named by the
 * {@code accords.it.jdbc-url} system property (set by pom.xml's postgresql profile).
 */
public final class PackagedApp implements AutoCloseable {

    /**
     * The JVM options the container image runs with ({@code src/main/docker/jvm-options}: heap limits, Serial GC, C1),
     * but the class-data archive, which only the image builds.
     */
    private static final List<String> SHIPPED_JVM_OPTIONS = shippedJvmOptions();

    private final Path folder;
    private final int port;
    private final int managementPort;
    private Process process;

    public PackagedApp(Path folder) throws IOException {
        this.folder = folder;
        try (ServerSocket socket = new ServerSocket(0);
                ServerSocket management = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
            this.managementPort = management.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Starts the application and waits until it reports ready. */
    public PackagedApp start() throws Exception {
        return start(List.of());
    }

    /** Starts the application with extra system properties and waits until it reports ready. */
    public PackagedApp start(List<String> properties) throws Exception {
        launch(properties);
        awaitReady();
        return this;
    }

    /** Starts the application with extra system properties that override the test settings, without waiting. */
    public PackagedApp launch(List<String> properties) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "the application is packaged at " + jar);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SHIPPED_JVM_OPTIONS);
        command.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Daccords.seed.enabled=false",
                // Verifies tokens with the key pair Tokens signs them with.
                "-Daccords.auth.dev-keys.enabled=true",
                "-Daccords.auth.dev-keys.dir=" + Tokens.KEYS.toAbsolutePath()));
        String url = System.getProperty("accords.it.jdbc-url", "");
        if (url.isBlank()) {
            command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + folder.resolve("accords")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        } else {
            command.add("-Dquarkus.datasource.jdbc.url=" + url);
            command.add("-Dquarkus.datasource.username=" + System.getProperty("accords.it.username"));
            command.add("-Dquarkus.datasource.password=" + System.getProperty("accords.it.password"));
        }
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toString());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("app.log").toFile()))
                .start();
        return this;
    }

    /** SIGTERM: the graceful stop an orchestrator asks for. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process dies on SIGKILL");
    }

    public boolean awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** The status of the readiness check on the management port, or -1 when the service does not answer. */
    public int readiness(HttpClient client) {
        return status(client, URI.create("http://localhost:" + managementPort + "/q/health/ready"));
    }

    /** The HTTP status of a GET, or -1 when the service does not answer. */
    public int status(HttpClient client, String path) {
        return status(client, uri(path));
    }

    private int status(HttpClient client, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + Tokens.cached("reader", "PUBLIC"))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String log() {
        try {
            return Files.readString(folder.resolve("app.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), () -> "the service exited early:\n" + log());
            if (readiness(client) == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready in 90 s:\n" + log());
    }

    private static List<String> shippedJvmOptions() {
        try (Stream<String> lines = Files.lines(Path.of("src", "main", "docker", "jvm-options"))) {
            return lines.map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .filter(line -> !line.startsWith("-XX:SharedArchiveFile"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
