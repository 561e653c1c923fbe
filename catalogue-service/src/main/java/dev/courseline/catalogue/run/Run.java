package dev.courseline.catalogue.run;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;
import dev.courseline.catalogue.web.InvalidTransitionException;

/**
 * A scheduled instance of a public course and its lifecycle. {@code startUtc} and {@code endUtc} are derived from
 * the local times and zone, and stored so runs can be filtered by date. Every change returns a new value with the
 * next version; the document also holds the run's pending events (see the outbox package).
 */
@Document("runs")
public record Run(
        @Id String id,
        String courseSlug,
        String courseTitle,
        LocalDateTime start,
        LocalDateTime end,
        String timeZone,
        Instant startUtc,
        Instant endUtc,
        DeliveryMode deliveryMode,
        Venue venue,
        int minCapacity,
        int maxCapacity,
        Money price,
        EarlyBird earlyBird,
        RunStatus status,
        long version,
        Instant updatedAt) {

    public static Run draft(String id, String courseSlug, String courseTitle, Schedule schedule,
            DeliveryMode deliveryMode, Venue venue, int minCapacity, int maxCapacity, Money price,
            EarlyBird earlyBird, Instant now) {
        return new Run(id, courseSlug, courseTitle, schedule.start(), schedule.end(), schedule.timeZone().getId(),
                schedule.startUtc(), schedule.endUtc(), deliveryMode, venue, minCapacity, maxCapacity, price,
                earlyBird, RunStatus.DRAFT, 1, now);
    }

    public Run schedule(Instant now) {
        requireStatus(RunStatus.DRAFT, "schedule");
        return withStatus(RunStatus.SCHEDULED, now);
    }

    public Run confirm(Instant now) {
        requireStatus(RunStatus.SCHEDULED, "confirm");
        return withStatus(RunStatus.CONFIRMED, now);
    }

    public Run complete(Instant now) {
        requireStatus(RunStatus.CONFIRMED, "complete");
        return withStatus(RunStatus.COMPLETED, now);
    }

    public Run cancel(Instant now) {
        requireOpen("cancel");
        return withStatus(RunStatus.CANCELLED, now);
    }

    public Run reschedule(Schedule schedule, Instant now) {
        requireOpen("reschedule");
        return new Run(id, courseSlug, courseTitle, schedule.start(), schedule.end(), schedule.timeZone().getId(),
                schedule.startUtc(), schedule.endUtc(), deliveryMode, venue, minCapacity, maxCapacity, price,
                earlyBird, status, version + 1, now);
    }

    public Run changeCapacity(int newMinCapacity, int newMaxCapacity, Instant now) {
        requireOpen("change the capacity of");
        return new Run(id, courseSlug, courseTitle, start, end, timeZone, startUtc, endUtc, deliveryMode, venue,
                newMinCapacity, newMaxCapacity, price, earlyBird, status, version + 1, now);
    }

    public Schedule schedule() {
        return new Schedule(start, end, ZoneId.of(timeZone));
    }

    /** Whether consumers of the catalogue have seen this run: drafts are private to catalogue managers. */
    public boolean isPublic() {
        return status != RunStatus.DRAFT;
    }

    private void requireStatus(RunStatus expected, String action) {
        if (status != expected) {
            throw new InvalidTransitionException("run", id, status, action);
        }
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw new InvalidTransitionException("run", id, status, action);
        }
    }

    private Run withStatus(RunStatus next, Instant now) {
        return new Run(id, courseSlug, courseTitle, start, end, timeZone, startUtc, endUtc, deliveryMode, venue,
                minCapacity, maxCapacity, price, earlyBird, next, version + 1, now);
    }
}
