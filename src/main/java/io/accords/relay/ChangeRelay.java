package io.accords.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.changes.ChangeCursors;
import io.accords.changes.ChangeData;
import io.accords.changes.ChangeFeed;
import io.accords.changes.ChangesPlaced;
import io.accords.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes the change feed to a Kafka topic (Quarkus Messaging, channel {@value #CHANNEL}) when a broker is
 * configured: every change the relay's clearance may see, as the same CloudEvent the feed serves, keyed by the
 * record's id so that a record's changes share a partition and keep their order. One replica publishes at a time,
 * under a lease; the cursor moves on only past what the broker acknowledged, so a replica that dies leaves the rest to
 * the next, which may publish again the last page (at least once, with the same event id).
 */
@ApplicationScoped
public class ChangeRelay {

    public static final String CHANNEL = "accords-changes";
    /** The CloudEvents Kafka binding's structured mode: the whole event is the value. */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final Logger LOG = Logger.getLogger(ChangeRelay.class);
    private static final int PAGE = 500;
    private static final String SUBJECT = "accords-kafka-relay";

    private final MutinyEmitter<String> topic;
    private final ChangeFeed feed;
    private final EntityManager entities;
    private final ObjectMapper json;
    private final RelayConfig config;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kafka-relay");
        thread.setDaemon(true);
        return thread;
    });

    ChangeRelay(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * PAGE)
                    MutinyEmitter<String> topic,
            ChangeFeed feed,
            EntityManager entities,
            ObjectMapper json,
            RelayConfig config) {
        this.topic = topic;
        this.feed = feed;
        this.entities = entities;
        this.json = json;
        this.config = config;
    }

    void start(@Observes StartupEvent start) {
        if (config.enabled()) {
            LOG.infof(
                    "Changes visible at %s are published to the Kafka topic %s; this replica's lease is named %s",
                    config.clearance(), config.topic(), replica);
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
    }

    @Scheduled(every = "1s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Changes were placed in the feed here: publish them now rather than at the next tick. */
    void placed(@Observes ChangesPlaced placed) {
        wake();
    }

    private void wake() {
        if (!config.enabled()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                publishWhileLeased();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Publishing changes to Kafka stopped; retrying");
        } finally {
            running.set(false);
        }
    }

    /** Publishes a page at a time for as long as there are changes and this replica holds the lease. */
    void publishWhileLeased() {
        Instant until = Instant.now().plus(config.lease().dividedBy(2));
        while (Instant.now().isBefore(until)) {
            Instant now = Instant.now();
            ChangeCursors.Cursor cursor = QuarkusTransaction.requiringNew().call(() -> lease(now));
            if (cursor == null) {
                return;
            }
            ChangeFeed.Page page = feed.as(
                    new Caller(SUBJECT, config.clearance(), false),
                    () -> feed.after(cursor, PAGE, List.of(), ChangeData.RECORD));
            Published published = publish(page);
            QuarkusTransaction.requiringNew().run(() -> record(page, published));
            if (published.error() != null || page.changes().size() < PAGE) {
                return;
            }
        }
    }

    /** How many of a page's changes (from its start) the broker acknowledged, and why it stopped short. */
    private record Published(int acknowledged, String error) {}

    private Published publish(ChangeFeed.Page page) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(page.changes().size());
        try {
            for (ChangeFeed.Placed change : page.changes()) {
                acks.add(topic.sendMessage(message(change)).subscribeAsCompletionStage());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Kafka refused a change: %s", e.getMessage());
            acks.add(CompletableFuture.failedFuture(e));
        }
        long deadline = System.nanoTime() + config.timeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                LOG.warnf("Kafka did not acknowledge a change; publishing again from it later (%s)", error);
                return new Published(i, error.length() > 1000 ? error.substring(0, 1000) : error);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Published(i, "Interrupted: the replica is stopping");
            }
        }
        return new Published(acks.size(), null);
    }

    private Message<String> message(ChangeFeed.Placed change) {
        try {
            RecordHeaders headers = new RecordHeaders();
            headers.add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            return Message.of(json.writeValueAsString(change.event()))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(change.event().subject())
                            .withHeaders(headers)
                            .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change could not be written as JSON", e);
        }
    }

    /**
     * Takes or renews the lease unless another replica holds it, or a failure asked to wait; the cursor to publish
     * after when this replica holds it, else null.
     */
    private ChangeCursors.Cursor lease(Instant now) {
        boolean held = entities.createQuery("update RelayState r set r.leaseOwner = :me, r.leaseUntil = :until"
                                + " where r.name = :name and (r.nextAttemptAt is null or r.nextAttemptAt <= :now)"
                                + " and (r.leaseUntil is null or r.leaseUntil < :now or r.leaseOwner = :me)")
                        .setParameter("me", replica)
                        .setParameter("until", now.plus(config.lease()))
                        .setParameter("name", RelayState.KAFKA)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
        if (!held) {
            return null;
        }
        RelayState state = entities.find(RelayState.class, RelayState.KAFKA);
        return new ChangeCursors.Cursor(state.cursorPosition, state.cursorHead);
    }

    /**
     * Moves the cursor past what the broker acknowledged, if this replica still holds the lease (another that took
     * over has published these itself); after a failure, lets the lease go and waits a few seconds.
     */
    private void record(ChangeFeed.Page page, Published published) {
        RelayState state =
                entities.find(RelayState.class, RelayState.KAFKA, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (!replica.equals(state.leaseOwner)) {
            return;
        }
        if (published.acknowledged() == page.changes().size()) {
            state.cursorPosition = page.resume().position();
            state.cursorHead = page.resume().head();
        } else if (published.acknowledged() > 0) {
            state.cursorPosition =
                    page.changes().get(published.acknowledged() - 1).position();
            state.cursorHead = page.resume().head();
        }
        state.published += published.acknowledged();
        if (published.error() != null) {
            state.lastError = published.error();
            state.nextAttemptAt = Instant.now().plusSeconds(5);
            state.leaseOwner = null;
            state.leaseUntil = null;
        } else {
            state.lastError = null;
        }
    }
}
