package dev.courseline.catalogue.run;

import java.time.Instant;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;

/**
 * A run as the catalogue publishes it, with its times both in its own zone and in UTC: the API's response and,
 * deliberately the same shape, the payload of the run events (see
 * {@code contracts/events/courseline.catalogue.run-*.v1.json}).
 */
public record RunView(String id, String courseSlug, String courseTitle,
        @Schema(type = "string", example = "2026-12-08T09:00", description = "local time in timeZone") @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime start,
        @Schema(type = "string", example = "2026-12-09T17:00", description = "local time in timeZone") @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime end,
        @Schema(example = "Europe/London", description = "IANA time zone") String timeZone, Instant startUtc,
        Instant endUtc, DeliveryMode deliveryMode, Venue venue,
        int minCapacity, int maxCapacity, Money price, EarlyBird earlyBird, RunStatus status,
        long version, Instant updatedAt) {

    public static RunView of(Run run) {
        return new RunView(run.id(), run.courseSlug(), run.courseTitle(), run.start(), run.end(), run.timeZone(),
                run.startUtc(), run.endUtc(), run.deliveryMode(), run.venue(), run.minCapacity(), run.maxCapacity(),
                run.price(), run.earlyBird(), run.status(), run.version(), run.updatedAt());
    }
}
