package io.accords.webhooks;

import io.accords.changes.ChangeCursors;
import io.accords.changes.ChangeFeed;
import io.accords.config.AccordsConfig;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.problem.ProblemException;
import io.accords.rights.KnownCallers;
import io.accords.search.AgreementFilter;
import io.accords.security.Caller;
import io.accords.security.Callers;
import io.accords.security.Classification;
import io.accords.security.ClassificationRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Webhook subscriptions, each its owner's (an admin's too): make, list, read, pause, resume, rotate, replay, delete. */
@ApplicationScoped
public class Subscriptions {

    public static final String PATH = "/api/v1/subscriptions";
    private static final String AGREEMENT = "agreement";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, List<String>>> FILTER =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};
    /** How many subscriptions one caller may have. */
    static final int MAX_PER_OWNER = 20;

    private final SubscriptionRepository subscriptions;
    private final ChangeFeed feed;
    private final Callers callers;
    private final KnownCallers known;
    private final AccordsConfig.Webhooks config;

    Subscriptions(
            SubscriptionRepository subscriptions,
            ChangeFeed feed,
            Callers callers,
            KnownCallers known,
            AccordsConfig config) {
        this.subscriptions = subscriptions;
        this.feed = feed;
        this.callers = callers;
        this.known = known;
        this.config = config.webhooks();
    }

    @Transactional
    public SubscriptionView create(SubscriptionInput input) {
        Caller caller = callers.current();
        String target = input.target().strip();
        WebhookTargets.refusal(
                        target,
                        config.allowPrivateTargets(),
                        config.allowedHosts().orElse(List.of()))
                .ifPresent(why -> {
                    throw ProblemException.invalid("target", why);
                });
        Classification clearance = ClassificationRules.forCreate(
                input.clearance() == null ? caller.clearance() : input.clearance(), caller);
        if (subscriptions.countOwnedBy(caller.subject(), false) >= MAX_PER_OWNER) {
            throw ProblemException.conflict("You have " + MAX_PER_OWNER + " subscriptions, as many as one caller may;"
                    + " delete one (DELETE " + PATH + "/{id}) first");
        }
        List<String> kinds = input.kinds() == null ? List.of() : input.kinds();
        Map<String, List<String>> agreements = input.agreements() == null ? Map.of() : input.agreements();
        if (!agreements.isEmpty()) {
            AgreementFilter.parse("agreements", agreements);
            if (!kinds.isEmpty() && !kinds.contains(AGREEMENT)) {
                throw ProblemException.invalid(
                        "agreements", "filter agreements, and kinds has no agreement: add it to kinds, or drop these");
            }
        }
        ChangeCursors.Cursor start = feed.start(input.after() == null ? ChangeFeed.NOW : input.after(), kinds);
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.owner = caller.subject();
        subscription.clearance = clearance;
        subscription.target = target;
        subscription.description = input.description();
        subscription.kinds = join(kinds);
        subscription.types = join(
                input.types() == null
                        ? null
                        : input.types().stream().map(Enum::name).toList());
        subscription.agreementFilter = agreements.isEmpty() ? null : write(new TreeMap<>(agreements));
        subscription.status = Subscription.Status.ACTIVE;
        subscription.secret = WebhookSignatures.mint();
        subscription.cursorPosition = start.position();
        subscription.cursorHead = start.head();
        subscription.nextAttemptAt = Instant.now();
        subscription.createdAt = Instant.now();
        subscriptions.persist(subscription);
        known.noteNow(caller, true);
        return SubscriptionView.of(subscription, true);
    }

    @Transactional
    public PageView<SubscriptionView> list(PageParams page) {
        Caller caller = callers.current();
        List<SubscriptionView> items =
                subscriptions.ownedBy(caller.subject(), caller.admin(), page.index(), page.size()).stream()
                        .map(s -> SubscriptionView.of(s, false))
                        .toList();
        return PageView.of(items, page, subscriptions.countOwnedBy(caller.subject(), caller.admin()));
    }

    @Transactional
    public SubscriptionView get(UUID id) {
        return SubscriptionView.of(own(id), false);
    }

    /** Stops deliveries until resumed; the changes wait (the cursor stays). */
    @Transactional
    public SubscriptionView pause(UUID id) {
        Subscription subscription = own(id);
        subscription.status = Subscription.Status.PAUSED;
        subscription.statusReason = "Paused by " + callers.current().subject();
        return SubscriptionView.of(subscription, false);
    }

    /** Delivers again, from where it stopped, at once: after a pause, or after it was disabled and the cause mended. */
    @Transactional
    public SubscriptionView resume(UUID id) {
        Subscription subscription = own(id);
        subscription.status = Subscription.Status.ACTIVE;
        subscription.statusReason = null;
        subscription.failures = 0;
        subscription.nextAttemptAt = Instant.now();
        return SubscriptionView.of(subscription, false);
    }

    /** A new secret; the one it replaces still signs beside it for a while, so receivers can change over. */
    @Transactional
    public SubscriptionView rotate(UUID id) {
        Subscription subscription = own(id);
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = Instant.now().plus(config.previousSecretFor());
        subscription.secret = WebhookSignatures.mint();
        return SubscriptionView.of(subscription, true);
    }

    /** Delivers again from a cursor of the change feed (or "now"): each change after it, again if it was before. */
    @Transactional
    public SubscriptionView replay(UUID id, String after) {
        Subscription subscription = own(id);
        ChangeCursors.Cursor start = feed.start(after, list(subscription.kinds));
        subscription.cursorPosition = start.position();
        subscription.cursorHead = start.head();
        subscription.nextAttemptAt = Instant.now();
        return SubscriptionView.of(subscription, false);
    }

    /** Deletes it; an admin's delete of one that is not there (any more) answers as if it had just gone. */
    @Transactional
    public void delete(UUID id) {
        if (callers.current().admin() && subscriptions.findByIdOptional(id).isEmpty()) {
            return;
        }
        subscriptions.delete(own(id));
    }

    @Transactional
    public PageView<DeliveryView> deliveries(UUID id, PageParams page) {
        Subscription subscription = own(id);
        return PageView.of(
                subscriptions.deliveries(subscription.id, page.index(), page.size()).stream()
                        .map(DeliveryView::of)
                        .toList(),
                page,
                subscriptions.countDeliveries(subscription.id));
    }

    /** The caller's subscription, or for an admin anyone's; 404 otherwise, as for one that is not there. */
    private Subscription own(UUID id) {
        Caller caller = callers.current();
        return subscriptions
                .findByIdOptional(id)
                .filter(s -> s.owner.equals(caller.subject()) || caller.admin())
                .orElseThrow(() -> ProblemException.notFound("subscription of yours", id));
    }

    /** A subscription's agreement filters as stored, read back; empty for none. */
    static Map<String, List<String>> agreementFilter(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(stored, FILTER);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A subscription's stored agreement filter is not JSON", e);
        }
    }

    private static String write(Map<String, List<String>> filter) {
        try {
            return JSON.writeValueAsString(filter);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An agreement filter could not be written as JSON", e);
        }
    }

    static String join(List<String> values) {
        return values == null || values.isEmpty()
                ? null
                : String.join(",", values.stream().distinct().sorted().toList());
    }

    static List<String> list(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(","));
    }
}
