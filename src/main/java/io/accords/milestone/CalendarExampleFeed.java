package io.accords.milestone;

import io.accords.config.AccordsConfig;
import io.accords.http.secrets.Secrets;
import io.accords.rights.KnownCallers;
import io.accords.security.Caller;
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
 * The calendar feed the OpenAPI document's examples name (CalendarExamples), made where the seed records are, so that
 * Swagger UI's prefilled reads of a feed find one: an admin reads its description, and its address, which the
 * document shows, answers an empty calendar to anyone, as it selects only milestones due in 2999, and is read as a
 * PUBLIC reader ({@code accords-examples}) whatever it selects.
 */
@ApplicationScoped
public class CalendarExampleFeed {

    private static final Logger LOG = Logger.getLogger(CalendarExampleFeed.class);
    static final String OWNER = "accords-examples";
    static final String FILTERS = "{\"dueFrom\": \"2999-01-01\", \"dueTo\": \"2999-12-31\"}";

    private final CalendarFeedRepository feeds;
    private final KnownCallers known;
    private final AccordsConfig config;
    private final String dbKind;

    CalendarExampleFeed(
            CalendarFeedRepository feeds,
            KnownCallers known,
            AccordsConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.feeds = feeds;
        this.known = known;
        this.config = config;
        this.dbKind = dbKind;
    }

    void onStart(@Observes @Priority(10_000) StartupEvent event) {
        if (!config.seed().enabled().orElse("h2".equals(dbKind))) {
            return;
        }
        UUID id = UUID.fromString(CalendarExamples.CALENDAR_FEED_ID);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (feeds.findByIdOptional(id).isEmpty()) {
                    CalendarFeed feed = new CalendarFeed();
                    feed.id = id;
                    feed.secretHash = Secrets.hash(CalendarExamples.CALENDAR_FEED_SECRET);
                    feed.name = "Example feed: milestones due in 2999";
                    feed.owner = OWNER;
                    feed.clearance = Classification.PUBLIC;
                    feed.filters = FILTERS;
                    feed.createdAt = Instant.parse("2026-11-23T10:15:30Z");
                    feeds.persist(feed);
                    LOG.info("Made the example calendar feed");
                }
            });
            known.noteNow(new Caller(OWNER, Classification.PUBLIC, false), true);
        } catch (RuntimeException e) {
            // A second replica starting at the same time made it first.
            LOG.debugf("The example calendar feed was made elsewhere: %s", e.getMessage());
        }
    }
}
