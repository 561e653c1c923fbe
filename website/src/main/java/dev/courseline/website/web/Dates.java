package dev.courseline.website.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Instants as the console writes them ({@code ${@dates.format(instant)}}), in the provider's own zone. */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    public String format(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
