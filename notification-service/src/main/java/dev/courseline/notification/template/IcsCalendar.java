package dev.courseline.notification.template;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes RFC 5545 iCalendar text for one event: CRLF line endings, lines folded at 75 octets without splitting a
 * UTF-8 character, text values escaped, times in UTC so no VTIMEZONE is needed and every client agrees on them.
 */
public final class IcsCalendar {

    public static final String REQUEST = "REQUEST";
    public static final String CANCEL = "CANCEL";

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private IcsCalendar() {
    }

    /** An invitation (METHOD:REQUEST) or its withdrawal (METHOD:CANCEL), stamped at {@code now}. */
    public static String write(String method, CalendarEvent event, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "PRODID:-//Courseline//Notification Service//EN");
        line(ics, "VERSION:2.0");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + method);
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + text(event.uid()));
        line(ics, "SEQUENCE:" + event.sequence());
        line(ics, "DTSTAMP:" + UTC_TIME.format(now));
        line(ics, "DTSTART:" + UTC_TIME.format(event.start()));
        line(ics, "DTEND:" + UTC_TIME.format(event.end()));
        line(ics, "SUMMARY:" + text(event.summary()));
        if (event.location() != null && !event.location().isBlank()) {
            line(ics, "LOCATION:" + text(event.location()));
        }
        if (event.description() != null && !event.description().isBlank()) {
            line(ics, "DESCRIPTION:" + text(event.description()));
        }
        line(ics, "STATUS:" + (CANCEL.equals(method) ? "CANCELLED" : "CONFIRMED"));
        line(ics, "TRANSP:OPAQUE");
        line(ics, "ORGANIZER;CN=Courseline:mailto:" + event.organizerEmail());
        line(ics, "ATTENDEE;CN=" + parameter(event.attendeeName())
                + ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:" + event.attendeeEmail());
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT value escaping (RFC 5545 3.3.11). */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** A parameter value in double quotes, which may not itself contain double quotes or control characters. */
    static String parameter(String value) {
        String cleaned = HeaderText.clean(value).replace("\"", "'");
        return "\"" + cleaned + "\"";
    }

    /** Appends a content line, folded so that no physical line exceeds 75 octets (RFC 5545 3.1). */
    static void line(StringBuilder out, String contentLine) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < contentLine.length();) {
            int codePoint = contentLine.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
