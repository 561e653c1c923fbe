package dev.courseline.catalogue.run;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** When a run takes place: local wall-clock times in the run's own IANA zone. */
public record Schedule(LocalDateTime start, LocalDateTime end, ZoneId timeZone) {

    public Instant startUtc() {
        return start.atZone(timeZone).toInstant();
    }

    public Instant endUtc() {
        return end.atZone(timeZone).toInstant();
    }
}
