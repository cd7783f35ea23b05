package io.accords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.PackagedApp;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SIGTERM under load, readiness goes DOWN first while requests are still served, so a load balancer can take the
 * pod out of rotation before the port closes: no request sent until then fails.
 */
class GracefulShutdownIT {

    private static final int CLIENTS = 4;

    @TempDir
    Path data;

    @Test
    void readinessGoesDownFirstAndNoRequestFailsDuringShutdown() throws Exception {
        try (PackagedApp app = new PackagedApp(data).start()) {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            AtomicBoolean loadBalancerSendsTraffic = new AtomicBoolean(true);
            AtomicInteger served = new AtomicInteger();
            AtomicInteger servedAfterReadinessDown = new AtomicInteger();
            AtomicBoolean readinessDown = new AtomicBoolean();
            Map<Integer, AtomicInteger> failures = new ConcurrentHashMap<>();

            ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
            IntStream.range(0, CLIENTS)
                    .forEach(i -> load.submit(() -> {
                        while (loadBalancerSendsTraffic.get()) {
                            int status = app.status(client, "/api/v1/agreements?size=5");
                            if (status == 200) {
                                served.incrementAndGet();
                                if (readinessDown.get()) {
                                    servedAfterReadinessDown.incrementAndGet();
                                }
                            } else if (loadBalancerSendsTraffic.get()) {
                                failures.computeIfAbsent(status, s -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        }
                    }));

            // A cold JVM on a busy machine may take a while to answer its first requests: wait for steady load.
            long warmUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (served.get() < 20 && failures.isEmpty() && System.nanoTime() < warmUp) {
                Thread.sleep(50);
            }
            int servedBeforeSigterm = served.get();
            app.terminate();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (app.readiness(client) == 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            readinessDown.set(true);
            // The load balancer notices the failed readiness probe after a period or two.
            Thread.sleep(1000);
            loadBalancerSendsTraffic.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

            assertTrue(servedBeforeSigterm > 0, "the service was under load before SIGTERM");
            assertTrue(
                    servedAfterReadinessDown.get() > 0,
                    "requests were still served after readiness went down, " + served.get() + " in all");
            assertEquals(Map.of(), failures, "statuses of failed requests (-1: no answer), with their counts");
            assertTrue(app.awaitExit(40), "the service exits within the shutdown delay and timeout");
            assertTrue(List.of(0, 130, 143).contains(app.exitValue()), "exit code " + app.exitValue());
        }
    }
}
