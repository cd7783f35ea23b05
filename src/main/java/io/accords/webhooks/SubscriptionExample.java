package io.accords.webhooks;

import io.accords.config.AccordsConfig;
import io.accords.security.Classification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The subscription the OpenAPI document's examples name (SubscriptionExamples), made where the seed records are and
 * paused, so that Swagger UI's prefilled calls find one and it posts nothing unless someone resumes it (its target
 * does not resolve: it would fail and be disabled).
 */
@ApplicationScoped
public class SubscriptionExample {

    private static final Logger LOG = Logger.getLogger(SubscriptionExample.class);
    static final String OWNER = "accords-examples";

    private final SubscriptionRepository subscriptions;
    private final AccordsConfig config;
    private final String dbKind;

    SubscriptionExample(
            SubscriptionRepository subscriptions,
            AccordsConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.subscriptions = subscriptions;
        this.config = config;
        this.dbKind = dbKind;
    }

    void onStart(@Observes @Priority(10_000) StartupEvent event) {
        if (!config.seed().enabled().orElse("h2".equals(dbKind))) {
            return;
        }
        UUID id = UUID.fromString(SubscriptionExamples.ID);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (subscriptions.findByIdOptional(id).isEmpty()) {
                    Subscription example = new Subscription();
                    example.id = id;
                    example.owner = OWNER;
                    example.clearance = Classification.PUBLIC;
                    example.target = SubscriptionExamples.TARGET;
                    example.description = "Example subscription (paused)";
                    example.kinds = "agreement";
                    example.status = Subscription.Status.PAUSED;
                    example.statusReason = "An example: paused so that it posts nothing";
                    example.secret = WebhookSignatures.mint();
                    example.nextAttemptAt = Instant.now();
                    example.createdAt = Instant.parse("2026-12-05T10:15:30Z");
                    subscriptions.persist(example);
                    // One attempt in its log, so that the log's example reads one.
                    Delivery delivery = new Delivery();
                    delivery.subscriptionId = id;
                    delivery.eventId = "example-event";
                    delivery.eventType = "accords.agreement.updated";
                    delivery.subject = SubscriptionExamples.SUBJECT;
                    delivery.attempt = 1;
                    delivery.attemptedAt = example.createdAt;
                    delivery.outcome = Delivery.Outcome.FAILED;
                    delivery.error = "An example: the example target does not resolve";
                    subscriptions.getEntityManager().persist(delivery);
                    LOG.info("Made the example webhook subscription");
                }
            });
        } catch (RuntimeException e) {
            // A second replica starting at the same time made it first.
            LOG.debugf("The example subscription was made elsewhere: %s", e.getMessage());
        }
    }
}
