package dev.courseline.website.enrolment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.courseline.website.api.Enrolment;

/**
 * An iCalendar file (RFC 5545) for a learner's run: one event per day of the run, at the run's daily hours, in UTC
 * so every calendar places it right without a time-zone table.
 */
final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CalendarFile() {
    }

    static String of(Enrolment enrolment, String pageUrl, Instant now) {
        Enrolment.EnrolledRun run = enrolment.run();
        ZoneId zone = ZoneId.of(run.timeZone());
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Courseline//Website//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        int day = 0;
        for (LocalDate date = run.start().toLocalDate(); !date.isAfter(run.end().toLocalDate()); date = date
                .plusDays(1)) {
            day++;
            Instant start = date.atTime(run.start().toLocalTime()).atZone(zone).toInstant();
            Instant end = date.atTime(run.end().toLocalTime()).atZone(zone).toInstant();
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + enrolment.enrolmentId() + "-day" + day + "@courseline");
            line(ics, "DTSTAMP:" + UTC.format(now));
            line(ics, "DTSTART:" + UTC.format(start));
            line(ics, "DTEND:" + UTC.format(end));
            line(ics, "SUMMARY:" + text(run.courseTitle()));
            line(ics, "LOCATION:" + text(location(run)));
            line(ics, "DESCRIPTION:" + text("Your place: " + pageUrl));
            line(ics, "URL:" + pageUrl);
            line(ics, "STATUS:" + (enrolment.isCancelled() ? "CANCELLED" : "CONFIRMED"));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static String location(Enrolment.EnrolledRun run) {
        if (run.venue() == null) {
            return "Online";
        }
        return run.venue().name() + ", " + run.venue().city() + ", " + run.venue().country();
    }

    /** RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Lines end in CRLF and fold at 75 octets, as the format requires. */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            ics.append(content).append("\r\n");
            return;
        }
        int octets = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length();) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                ics.append(current).append("\r\n ");
                current.setLength(0);
                octets = 1;
            }
            current.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append(current).append("\r\n");
    }
}
