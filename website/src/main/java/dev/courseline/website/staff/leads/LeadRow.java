package dev.courseline.website.staff.leads;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.courseline.website.api.staff.Lead;

/** A lead as one line of the inbox: who, what, how big, why it was routed there, and how long is left. */
public record LeadRow(Lead lead, String who, String what, String timeLeft, String respondBy, boolean overdue) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    static List<LeadRow> of(List<Lead> leads, Clock clock) {
        return leads.stream().map(lead -> of(lead, clock)).toList();
    }

    static LeadRow of(Lead lead, Clock clock) {
        String who = lead.contact() == null ? "" : lead.contact().name();
        if (lead.organisation() != null && lead.organisation().name() != null) {
            who = who + ", " + lead.organisation().name();
        }
        String what = lead.programme() != null
                ? lead.programme().title()
                : lead.plan() != null ? "Membership (" + lead.plan() + ")" : lead.kind();
        return new LeadRow(lead, who, what, timeLeft(lead, clock),
                lead.respondBy() == null ? "" : WHEN.format(lead.respondBy()), lead.overdue());
    }

    /** "2 d 4 h left", "overdue by 3 h", or the status once the lead is answered. */
    static String timeLeft(Lead lead, Clock clock) {
        if (!"NEW".equals(lead.status()) || lead.respondBy() == null) {
            return "answered";
        }
        Duration left = Duration.between(clock.instant(), lead.respondBy());
        String span = span(left.abs());
        return left.isNegative() ? "overdue by " + span : span + " left";
    }

    private static String span(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes + " min";
    }
}
