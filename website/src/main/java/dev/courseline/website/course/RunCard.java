package dev.courseline.website.course;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.courseline.website.api.Money;
import dev.courseline.website.api.Run;
import dev.courseline.website.api.Seats;

/**
 * A run as a visitor reads it: dates and times in the run's own zone (the visitor's zone is added in the browser
 * from {@code startUtc}), where it happens, what it costs today, and whether a seat can be had.
 *
 * @param seats null when the enquiry service could not say
 */
public record RunCard(Run run, Seats seats, LocalDate today) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.UK);

    public static RunCard of(Run run, Seats seats, Clock clock) {
        return new RunCard(run, seats, LocalDate.now(clock.withZone(zoneOf(run.timeZone()))));
    }

    public String id() {
        return run.id();
    }

    public String dates() {
        return dates(run.start(), run.end());
    }

    /** {@code 09:00 to 17:00 GMT (Europe/London)}: the hours of each day, in the run's own zone. */
    public String times() {
        return times(run.start(), run.end(), run.timeZone());
    }

    public String deliveryLabel() {
        return delivery(run.deliveryMode(), run.venue());
    }

    public boolean isCancelled() {
        return run.isCancelled();
    }

    public boolean isSeatsKnown() {
        return seats != null;
    }

    public boolean isFull() {
        return seats != null && seats.open() && seats.seatsLeft() <= 0;
    }

    /** Enrolment is offered unless the run is cancelled or the enquiry side says it is closed. */
    public boolean isBookable() {
        return !isCancelled() && (seats == null || seats.open());
    }

    public String seatsLabel() {
        if (isCancelled()) {
            return "This run is cancelled";
        }
        if (seats == null) {
            return "Seats: we could not check just now";
        }
        if (!seats.open()) {
            return "Enrolment is closed";
        }
        if (seats.seatsLeft() <= 0) {
            return "Full: join the waitlist";
        }
        return seats.seatsLeft() == 1 ? "1 seat left" : seats.seatsLeft() + " seats left";
    }

    public boolean isEarlyBird() {
        return run.earlyBird() != null && !today.isAfter(run.earlyBird().deadline());
    }

    /** What a learner pays when enrolling today. */
    public Money priceToday() {
        return isEarlyBird() ? run.earlyBird().price() : run.price();
    }

    public String earlyBirdDeadline() {
        return run.earlyBird() == null ? null : run.earlyBird().deadline().format(DAY);
    }

    public static String dates(LocalDateTime start, LocalDateTime end) {
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return start.format(DAY);
        }
        return start.format(DAY) + " to " + end.format(DAY);
    }

    public static String times(LocalDateTime start, LocalDateTime end, String timeZone) {
        ZoneId zone = zoneOf(timeZone);
        return start.format(TIME) + " to " + end.format(TIME) + " " + start.atZone(zone).format(ZONE)
                + " (" + zone.getId() + ")";
    }

    public static String delivery(String mode, Run.Venue venue) {
        String where = venue == null ? "" : venue.name() + ", " + venue.city() + " (" + venue.country() + ")";
        return switch (mode == null ? "" : mode) {
            case "ONLINE" -> "Online";
            case "ONSITE" -> venue == null ? "Onsite" : "Onsite at " + where;
            case "BLENDED" -> venue == null ? "Blended: online and in person" : "Blended: online and at " + where;
            default -> mode;
        };
    }

    private static ZoneId zoneOf(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException unknownZone) {
            return ZoneId.of("UTC");
        }
    }
}
