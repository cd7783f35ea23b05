package io.accords.milestone;

import io.accords.common.DatePrecision;
import io.accords.common.PartialDate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Milestones and expiries as an iCalendar (RFC 5545) feed, written by ical4j: one all-day event each, on the first day
 * of its due date (a date known only to the month or year says so in its summary). Each event's UID names the record
 * and its SEQUENCE is the record's version, so a calendar client that refreshes the feed updates an event rather than
 * adding it twice; DTSTAMP is when the record last changed (RFC 5545: without METHOD, it is the last revision), so the
 * same registry always gives the same feed.
 */
final class MilestoneCalendar {

    static final String MEDIA_TYPE = "text/calendar";

    /** What the feed holds: milestones and agreements' expiries. */
    record Entries(List<MilestoneView> milestones, List<MilestoneRepository.Expiry> expiries) {}

    private MilestoneCalendar() {}

    /** A calendar as the answer a calendar client reads: UTF-8 text/calendar, shown inline as accords.ics. */
    static RestResponse<String> answer(String calendar) {
        return RestResponse.ResponseBuilder.ok(calendar, MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"accords.ics\"")
                .build();
    }

    static String of(Entries entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Accords//Agreement milestones//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", "Accords milestones"));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT6H"));
        for (MilestoneView milestone : entries.milestones()) {
            calendar.add(event(
                    "milestone-" + milestone.id() + "@accords",
                    milestone.due(),
                    milestone.kind() + ": " + milestone.title() + dueText(milestone.due()),
                    "Agreement: " + milestone.agreementTitle() + "\nStatus: " + milestone.status()
                            + (milestone.quantity() == null ? "" : "\nQuantity: " + milestone.quantity())
                            + (milestone.note() == null ? "" : "\n" + milestone.note())
                            + "\n/api/v1/agreements/" + milestone.agreementId() + "/milestones/" + milestone.id(),
                    milestone.kind().name(),
                    milestone.version(),
                    milestone.updatedAt()));
        }
        for (MilestoneRepository.Expiry expiry : entries.expiries()) {
            calendar.add(event(
                    "expiry-" + expiry.agreementId() + "@accords",
                    expiry.expires(),
                    "EXPIRY: " + expiry.title() + dueText(expiry.expires()),
                    "The agreement expires.\n/api/v1/agreements/" + expiry.agreementId(),
                    MilestoneKind.EXPIRY.name(),
                    expiry.version(),
                    expiry.updatedAt()));
        }
        // The outputter folds lines longer than 75 octets, as RFC 5545 (3.1) asks; toString() does not.
        StringWriter folded = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, folded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folded.toString();
    }

    private static VEvent event(
            String uid,
            PartialDate due,
            String summary,
            String description,
            String kind,
            long version,
            Instant changed) {
        LocalDate day = due.first();
        VEvent event = new VEvent(day, day.plusDays(1), summary);
        event.add(new Uid(uid));
        event.replace(new DtStamp(changed));
        event.add(new Sequence((int) Math.min(version, Integer.MAX_VALUE)));
        event.add(new Description(description));
        event.add(new Categories(kind));
        return event;
    }

    /** " (due 2026-06)" for a date known only to the month or year; nothing for a day. */
    private static String dueText(PartialDate due) {
        return due.precision() == DatePrecision.DAY ? "" : " (due " + due + ")";
    }
}
