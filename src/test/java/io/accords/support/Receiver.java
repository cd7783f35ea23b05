package io.accords.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver on this machine: keeps every post, answers with the status it is told to after the delay it is
 * told to, several posts at once (as a real receiver does), counting the most it had under way together.
 */
public final class Receiver implements AutoCloseable {

    /** One post as it arrived. */
    public record Post(Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    public final AtomicInteger status = new AtomicInteger(204);
    /** How long each answer waits, in milliseconds. */
    public final AtomicInteger delayMillis = new AtomicInteger();

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            posts.add(new Post(headers, body));
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            int answer = status.get();
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The most posts it had under way at once. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** Waits until the posts satisfy the condition (or fails after the timeout); the posts then. */
    public List<Post> await(Predicate<List<Post>> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<Post> now = posts();
            if (condition.test(now)) {
                return now;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the receiver's posts never met the condition in " + timeout + ": " + posts());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
