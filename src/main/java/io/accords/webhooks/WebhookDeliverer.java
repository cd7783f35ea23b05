package io.accords.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.changes.ChangeCursors;
import io.accords.changes.ChangeData;
import io.accords.changes.ChangeFeed;
import io.accords.changes.CloudEvent;
import io.accords.config.AccordsConfig;
import io.accords.rights.CallerRights;
import io.accords.rights.KnownCallers;
import io.accords.search.AgreementFilter;
import io.accords.search.AgreementSearchService;
import io.accords.security.Caller;
import io.accords.security.Classification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Delivers each active subscription's changes, a record's in order, up to {@value #LANES} posts at once (lanes by
 * record), at least once: a replica takes a subscription
 * under a lease (renewed before each delivery), reads the feed after the subscription's cursor as its owner would now,
 * posts each change signed, and moves the cursor on only once the target answered 2xx. A replica that dies leaves its
 * lease to run out, and another takes the subscription over; a change it had posted but not yet recorded is posted
 * again, with the same webhook-id. A failure waits before the next attempt, doubling each time; too many in a row
 * disable the subscription, with the reason.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    /** How many changes a delivery round reads at a time. */
    private static final int BATCH = 100;
    /** How many subscriptions one replica delivers to at once. */
    private static final int PARALLEL = 4;
    /**
     * How many posts one subscription has under way at once: its changes go in lanes by record, each lane in order, so
     * a record's changes arrive in order while a slow receiver is not waited on one post at a time.
     */
    static final int LANES = 4;

    private static final String AGREEMENT_CHANGE = ChangeFeed.TYPE_PREFIX + "agreement.";

    private final SubscriptionRepository subscriptions;
    private final ChangeFeed feed;
    private final AgreementSearchService search;
    private final KnownCallers known;
    private final ObjectMapper json;
    private final AccordsConfig.Webhooks config;
    private final HttpClient http;
    /** This replica, as its leases name it. */
    private final String replica = UUID.randomUUID().toString();

    private final Set<UUID> delivering = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newFixedThreadPool(PARALLEL, task -> {
        Thread thread = new Thread(task, "webhook-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService lanes = Executors.newFixedThreadPool(PARALLEL * LANES, task -> {
        Thread thread = new Thread(task, "webhook-lane");
        thread.setDaemon(true);
        return thread;
    });

    WebhookDeliverer(
            SubscriptionRepository subscriptions,
            ChangeFeed feed,
            AgreementSearchService search,
            KnownCallers known,
            ObjectMapper json,
            AccordsConfig config) {
        this.subscriptions = subscriptions;
        this.feed = feed;
        this.search = search;
        this.known = known;
        this.json = json;
        this.config = config.webhooks();
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void start(@Observes io.quarkus.runtime.StartupEvent start) {
        LOG.infof("Webhook deliveries of this replica go under leases named %s", replica);
    }

    void stop(@Observes ShutdownEvent stop) {
        workers.shutdownNow();
        lanes.shutdownNow();
    }

    @Scheduled(every = "1s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        Instant now = Instant.now();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> subscriptions.due(now, replica, 100));
        for (UUID id : due) {
            if (delivering.add(id)) {
                try {
                    workers.execute(() -> {
                        try {
                            deliver(id);
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "Webhook deliveries of subscription %s stopped; retrying", id);
                        } finally {
                            delivering.remove(id);
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    delivering.remove(id);
                }
            }
        }
    }

    /** Delivers what the subscription has waiting, for as long as this replica holds its lease. */
    void deliver(UUID id) {
        Instant[] leaseUntil = {Instant.EPOCH};
        // A turn lasts two thirds of a lease; the lease is renewed before each post, so another replica can take over
        // only from one that stopped renewing it (a post longer than the lease's last third may be made twice).
        Instant until = Instant.now().plus(config.lease().multipliedBy(2).dividedBy(3));
        while (Instant.now().isBefore(until)) {
            if (!renew(id, leaseUntil)) {
                return;
            }
            Round round = QuarkusTransaction.requiringNew().call(() -> read(id));
            if (round == null) {
                LOG.debugf("Subscription %s delivers nothing now (not active, or its owner may no longer read)", id);
                return;
            }
            LOG.debugf(
                    "Subscription %s: %d changes to deliver",
                    id, round.page().changes().size());
            if (round.page().changes().isEmpty()) {
                QuarkusTransaction.requiringNew()
                        .run(() -> caughtUp(id, round.page().resume()));
                return;
            }
            // What was posted is recorded a page at a time (and at the first failure): a replica that dies in between
            // posts those again, with the same webhook-id, as at-least-once allows.
            List<Posted> posted = postInLanes(id, round, leaseUntil);
            if (!QuarkusTransaction.requiringNew().call(() -> record(id, posted))) {
                return;
            }
        }
    }

    /** A change posted (or passed over: no attempt), and the cursor after it. */
    private record Posted(ChangeFeed.Placed change, ChangeCursors.Cursor after, Attempt attempt) {}

    /**
     * Posts a page's changes in lanes by record (a record's changes in one lane, in order), each lane stopping at a
     * failure and all of them at the first; what was posted or passed over, in the page's order. A change not tried
     * (a lane stopped before it) ends the list's prefix the cursor may move over, and is posted again next time.
     */
    private List<Posted> postInLanes(UUID id, Round round, Instant[] leaseUntil) {
        List<ChangeFeed.Placed> changes = round.page().changes();
        Posted[] done = new Posted[changes.size()];
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        List<List<Integer>> byLane = new java.util.ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            byLane.add(new java.util.ArrayList<>());
        }
        for (int i = 0; i < changes.size(); i++) {
            byLane.get(Math.floorMod(changes.get(i).event().subject().hashCode(), LANES))
                    .add(i);
        }
        List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        for (List<Integer> lane : byLane) {
            if (lane.isEmpty()) {
                continue;
            }
            running.add(lanes.submit(() -> {
                for (int i : lane) {
                    ChangeFeed.Placed change = changes.get(i);
                    ChangeCursors.Cursor after = new ChangeCursors.Cursor(
                            change.position(), round.page().resume().head());
                    if (!round.types().isEmpty() && !round.types().contains(type(change))
                            || round.unmatched().contains(change.event().id())) {
                        done[i] = new Posted(change, after, null);
                        continue;
                    }
                    if (stopped.get() || !renew(id, leaseUntil)) {
                        stopped.set(true);
                        return;
                    }
                    Attempt attempt = post(round.subscription(), change);
                    done[i] = new Posted(change, after, attempt);
                    if (!attempt.delivered()) {
                        stopped.set(true);
                        return;
                    }
                }
            }));
        }
        for (java.util.concurrent.Future<?> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped.set(true);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("A delivery lane failed", e.getCause());
            }
        }
        // In the page's order; null for a change not tried, before which the cursor stops.
        return java.util.Arrays.asList(done);
    }

    /**
     * Takes the lease, or renews it once half of it has passed (so that a post starts with at least half a lease
     * ahead); whether this replica holds it. The lanes of one subscription share its lease: they wait on each other
     * here, not on other subscriptions' renewals.
     */
    private boolean renew(UUID id, Instant[] leaseUntil) {
        synchronized (leaseUntil) {
            Instant now = Instant.now();
            if (now.isBefore(leaseUntil[0].minus(config.lease().dividedBy(2)))) {
                return true;
            }
            Instant until = now.plus(config.lease());
            boolean held = QuarkusTransaction.requiringNew().call(() -> subscriptions.lease(id, replica, now, until));
            if (held) {
                leaseUntil[0] = until;
            } else {
                LOG.debugf("Subscription %s is not this replica's to deliver now", id);
            }
            return held;
        }
    }

    /** Changes were placed in the feed here: deliver them now rather than at the next tick. */
    void placed(@Observes io.accords.changes.ChangesPlaced placed) {
        deliverDue();
    }

    /** What a subscription delivers next and to whom, as its owner may see it now; null when it may deliver nothing. */
    private record Round(Signing subscription, List<String> types, Set<String> unmatched, ChangeFeed.Page page) {}

    /** What a delivery needs of its subscription. */
    record Signing(UUID id, String target, String secret, String previousSecret) {}

    private Round read(UUID id) {
        Subscription subscription = subscriptions.findById(id);
        if (subscription == null || subscription.status != Subscription.Status.ACTIVE) {
            return null;
        }
        Optional<CallerRights> now = known.latest(subscription.owner).filter(CallerRights::reader);
        if (now.isEmpty()) {
            subscription.status = Subscription.Status.DISABLED;
            subscription.statusReason = "Its owner's tokens no longer carry the reader role; resume it once they do";
            subscriptions.release(id, replica);
            return null;
        }
        Classification clearance = now.get().clearance().compareTo(subscription.clearance) < 0
                ? now.get().clearance()
                : subscription.clearance;
        Caller owner = new Caller(subscription.owner, clearance, false);
        ChangeCursors.Cursor cursor = new ChangeCursors.Cursor(subscription.cursorPosition, subscription.cursorHead);
        ChangeFeed.Page page = feed.as(
                owner, () -> feed.after(cursor, BATCH, Subscriptions.list(subscription.kinds), ChangeData.RECORD));
        boolean previousInForce = subscription.previousSecret != null
                && subscription.previousSecretUntil != null
                && subscription.previousSecretUntil.isAfter(Instant.now());
        return new Round(
                new Signing(
                        id,
                        subscription.target,
                        subscription.secret,
                        previousInForce ? subscription.previousSecret : null),
                Subscriptions.list(subscription.types),
                unmatched(subscription, clearance, page),
                page);
    }

    /**
     * The ids of the page's agreement changes whose agreement does not match the subscription's agreement filters now,
     * as its owner finds them; a deletion always matches (the agreement is gone, whatever it was).
     */
    private Set<String> unmatched(Subscription subscription, Classification clearance, ChangeFeed.Page page) {
        if (subscription.agreementFilter == null) {
            return Set.of();
        }
        List<CloudEvent> filtered = page.changes().stream()
                .map(ChangeFeed.Placed::event)
                .filter(event -> event.type().startsWith(AGREEMENT_CHANGE)
                        && !event.type().endsWith(".deleted"))
                .toList();
        Set<UUID> matching = search.matching(
                AgreementFilter.parse(Subscriptions.agreementFilter(subscription.agreementFilter)),
                clearance,
                filtered.stream().map(event -> UUID.fromString(event.subject())).collect(Collectors.toSet()));
        return filtered.stream()
                .filter(event -> !matching.contains(UUID.fromString(event.subject())))
                .map(CloudEvent::id)
                .collect(Collectors.toSet());
    }

    /** Nothing more to deliver now: the cursor goes to the head it read, and the lease is let go. */
    private void caughtUp(UUID id, ChangeCursors.Cursor cursor) {
        Subscription subscription = subscriptions.findById(id);
        if (subscription != null && replica.equals(subscription.leaseOwner)) {
            subscription.cursorPosition = cursor.position();
            subscription.cursorHead = cursor.head();
            subscription.leaseOwner = null;
            subscription.leaseUntil = null;
        }
    }

    /** How one post went. */
    record Attempt(Instant at, Integer status, String error, int millis) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Posts one change to the target, signed; never throws. */
    Attempt post(Signing subscription, ChangeFeed.Placed change) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        Optional<String> refused = WebhookTargets.refusal(
                subscription.target(),
                config.allowPrivateTargets(),
                config.allowedHosts().orElse(List.of()));
        if (refused.isPresent()) {
            return new Attempt(at, null, "The target " + refused.get(), 0);
        }
        try {
            String body = json.writeValueAsString(change.event());
            long timestamp = at.getEpochSecond();
            String id = change.event().id();
            String signature = WebhookSignatures.sign(subscription.secret(), id, timestamp, body);
            if (subscription.previousSecret() != null) {
                signature += " " + WebhookSignatures.sign(subscription.previousSecret(), id, timestamp, body);
            }
            URI target = URI.create(subscription.target());
            HttpRequest request = HttpRequest.newBuilder(target)
                    // Plain http (a closed network): HTTP/1.1 as it is, not an upgrade to HTTP/2 on every post.
                    .version(
                            target.getScheme().equalsIgnoreCase("https")
                                    ? HttpClient.Version.HTTP_2
                                    : HttpClient.Version.HTTP_1_1)
                    .timeout(config.timeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("User-Agent", "Accords-Webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream in = response.body()) {
                answer = new String(in.readNBytes(config.maxResponseBytes()), StandardCharsets.UTF_8);
            }
            int millis = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
            int status = response.statusCode();
            return new Attempt(
                    at,
                    status,
                    status >= 200 && status < 300 ? null : status + " from the target: " + abbreviate(answer),
                    millis);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change could not be written as JSON", e);
        } catch (IOException | IllegalArgumentException e) {
            int millis = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
            return new Attempt(at, null, abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage()), millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(at, null, "Interrupted: the replica is stopping", 0);
        }
    }

    /**
     * Logs the attempts, moves the cursor past what was delivered (or passed over), and after a failure schedules the
     * retry; whether all were delivered.
     */
    private boolean record(UUID id, List<Posted> posted) {
        Subscription subscription = subscriptions.findById(id);
        if (subscription == null) {
            return false; // deleted meanwhile
        }
        // Failures in a row are all attempts at the change the cursor waits on: the cursor moves on only past a
        // delivered (or passed over) one, and no further than the first change of the page not delivered. Every
        // attempt is logged, those of other lanes after a failure too (they are posted again, with their ids).
        int attemptNumber = subscription.failures + 1;
        boolean moving = true;
        Attempt failure = null;
        for (Posted one : posted) {
            if (one == null) {
                moving = false;
                continue;
            }
            Attempt attempt = one.attempt();
            if (attempt != null) {
                Delivery delivery = new Delivery();
                delivery.subscriptionId = id;
                delivery.eventId = one.change().event().id();
                delivery.eventType = one.change().event().type();
                delivery.subject = one.change().event().subject();
                delivery.attempt = attemptNumber;
                delivery.attemptedAt = attempt.at();
                delivery.statusCode = attempt.status();
                delivery.outcome = attempt.delivered() ? Delivery.Outcome.DELIVERED : Delivery.Outcome.FAILED;
                delivery.error = attempt.error();
                delivery.durationMs = attempt.millis();
                subscriptions.getEntityManager().persist(delivery);
                if (!attempt.delivered()) {
                    moving = false;
                    failure = failure == null ? attempt : failure;
                }
            }
            if (moving) {
                subscription.cursorPosition = one.after().position();
                subscription.cursorHead = one.after().head();
                subscription.failures = 0;
            }
        }
        if (failure != null) {
            failed(subscription, failure);
            return false;
        }
        return moving;
    }

    private void failed(Subscription subscription, Attempt attempt) {
        subscription.failures++;
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(subscription.failures - 1, 20));
        subscription.nextAttemptAt =
                Instant.now().plus(wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait);
        if (subscription.failures >= config.maxFailures()) {
            subscription.status = Subscription.Status.DISABLED;
            subscription.statusReason = subscription.failures + " deliveries in a row failed; the last: "
                    + attempt.error() + ". Mend the target, then resume it";
        }
        subscription.leaseOwner = null;
        subscription.leaseUntil = null;
    }

    private static String type(ChangeFeed.Placed change) {
        String type = change.event().type();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 900 ? oneLine : oneLine.substring(0, 900) + "…";
    }
}
