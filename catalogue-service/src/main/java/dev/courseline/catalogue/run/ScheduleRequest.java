package dev.courseline.catalogue.run;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import dev.courseline.catalogue.web.FieldRules;

/** Checks the times of a run as a client sends them: a real IANA zone, start before end, start in the future. */
final class ScheduleRequest {

    private ScheduleRequest() {
    }

    /** Returns the schedule, or null after recording why it is invalid in {@code rules}. */
    static Schedule check(LocalDateTime start, LocalDateTime end, String timeZone, Instant now, FieldRules rules) {
        ZoneId zone = zone(timeZone);
        rules.require(timeZone == null || zone != null, "timeZone", "must be an IANA time zone such as Europe/London");
        if (start == null || end == null || zone == null) {
            return null;
        }
        Schedule schedule = new Schedule(start.truncatedTo(ChronoUnit.MINUTES), end.truncatedTo(ChronoUnit.MINUTES),
                zone);
        rules.require(schedule.endUtc().isAfter(schedule.startUtc()), "end", "must be after start");
        rules.require(schedule.startUtc().isAfter(now), "start", "must be in the future");
        return schedule;
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || !timeZone.contains("/")) {
            // Only region ids: offsets like "+01:00" or "CET" would lose the daylight-saving rules of a real place.
            return null;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
