package dev.courseline.notification.template;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates and times read in emails: unambiguous, with the zone spelled out. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private Formats() {
    }

    public static String utc(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    public static String local(LocalDateTime dateTime, String timeZone) {
        return dateTime == null ? "" : DATE_TIME.format(dateTime) + " (" + timeZone + ")";
    }
}
