package io.accords.milestone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.PublicUrls;
import io.accords.http.problem.ProblemException;
import io.accords.http.secrets.Secrets;
import io.accords.rights.CallerRights;
import io.accords.rights.KnownCallers;
import io.accords.security.Caller;
import io.accords.security.Callers;
import io.accords.security.Classification;
import io.accords.security.ClassificationRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Calendar feeds: a caller makes one for itself, gets its address (with a secret) once, lists and revokes its own.
 * A calendar client then reads the feed by that address alone, with no token: as its owner, with the feed's clearance
 * lowered to what the owner's tokens last showed, and not at all once the owner may no longer read. Nothing else is
 * reached through a feed's secret.
 */
@ApplicationScoped
public class CalendarFeedService {

    /** Where feeds live; a feed's address is its id and its secret below it. */
    static final String PATH = "/api/v1/calendar/feeds";

    /** How many feeds one caller may have. */
    static final int MAX_PER_OWNER = 20;

    private final CalendarFeedRepository feeds;
    private final MilestoneService milestones;
    private final Callers callers;
    private final KnownCallers known;
    private final ObjectMapper json;

    CalendarFeedService(
            CalendarFeedRepository feeds,
            MilestoneService milestones,
            Callers callers,
            KnownCallers known,
            ObjectMapper json) {
        this.feeds = feeds;
        this.milestones = milestones;
        this.callers = callers;
        this.known = known;
        this.json = json;
    }

    /** Makes a feed for the caller and answers it with its address, which holds its secret: the only time it is told. */
    @Transactional
    public CalendarFeedView create(CalendarFeedInput input) {
        Caller caller = callers.current();
        CalendarFeedInput.Filters filters = input.filters() == null ? CalendarFeedInput.Filters.NONE : input.filters();
        filters.params().calendarFilter();
        Classification clearance = ClassificationRules.forCreate(
                input.clearance() == null ? caller.clearance() : input.clearance(), caller);
        if (feeds.countOwnedBy(caller.subject()) >= MAX_PER_OWNER) {
            throw ProblemException.conflict("You have " + MAX_PER_OWNER + " calendar feeds, as many as one caller"
                    + " may; revoke one (DELETE " + PATH + "/{id}) first");
        }
        String secret = Secrets.mint();
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.secretHash = Secrets.hash(secret);
        feed.name = input.name().strip();
        feed.owner = caller.subject();
        feed.clearance = clearance;
        feed.filters = write(filters);
        feed.createdAt = Instant.now();
        feeds.persist(feed);
        known.noteNow(caller, true);
        return CalendarFeedView.of(
                feed,
                filters,
                PublicUrls.of(PATH + "/" + feed.id + "/" + secret).toString());
    }

    @Transactional
    public PageView<CalendarFeedView> list(PageParams page) {
        String owner = callers.current().subject();
        List<CalendarFeedView> items = feeds.ownedBy(owner, page.index(), page.size()).stream()
                .map(feed -> CalendarFeedView.of(feed, read(feed.filters), null))
                .toList();
        return PageView.of(items, page, feeds.countOwnedBy(owner));
    }

    /** The caller's feed, or for an admin any feed (its address is never shown again). */
    @Transactional
    public CalendarFeedView get(UUID id) {
        CalendarFeed feed = own(id);
        return CalendarFeedView.of(feed, read(feed.filters), null);
    }

    /**
     * Revokes the caller's feed, or for an admin any feed: its address answers 404 from now on. An admin revoking one
     * that is not there is answered as if it were, since its address answers 404 either way; anyone else learns only
     * that no feed of theirs has this id.
     */
    @Transactional
    public void revoke(UUID id) {
        if (callers.current().admin() && feeds.findByIdOptional(id).isEmpty()) {
            return;
        }
        feeds.delete(own(id));
    }

    /**
     * The feed's calendar, read as its owner with at most the feed's clearance and the owner's clearance now; 404, one
     * and the same, for an unknown id, a wrong secret, a revoked feed and an owner who may no longer read.
     */
    @Transactional
    public String calendar(UUID id, String secret, int limit) {
        CalendarFeed feed = feeds.findByIdOptional(id)
                .filter(found -> Secrets.sameHash(found.secretHash, Secrets.hash(secret)))
                .orElseThrow(CalendarFeedService::noFeed);
        Optional<CallerRights> now = known.latest(feed.owner).filter(CallerRights::reader);
        if (now.isEmpty()) {
            throw noFeed();
        }
        Classification clearance =
                now.get().clearance().compareTo(feed.clearance) < 0 ? now.get().clearance() : feed.clearance;
        feed.lastReadAt = Instant.now();
        MilestoneFilter filter = read(feed.filters).params().calendarFilter();
        return callers.actingAs(
                new Caller(feed.owner, clearance, false),
                () -> MilestoneCalendar.of(milestones.calendar(filter, limit)));
    }

    private CalendarFeed own(UUID id) {
        Caller caller = callers.current();
        return feeds.findByIdOptional(id)
                .filter(feed -> feed.owner.equals(caller.subject()) || caller.admin())
                .orElseThrow(() -> ProblemException.notFound("calendar feed of yours", id));
    }

    private static ProblemException noFeed() {
        return ProblemException.notFoundBecause("No calendar feed has this address: it was revoked, or it is not an"
                + " address this service gave; make a new feed (POST " + PATH + ")");
    }

    private String write(CalendarFeedInput.Filters filters) {
        try {
            return json.writeValueAsString(filters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CalendarFeedInput.Filters read(String filters) {
        try {
            return json.readValue(filters, CalendarFeedInput.Filters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored calendar feed's filters cannot be read", e);
        }
    }
}
