package dev.courseline.website.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.courseline.website.api.Money;
import dev.courseline.website.api.Run;
import dev.courseline.website.api.Seats;

class RunCardTest {

    private static final Money LIST = new Money(new BigDecimal("1195.00"), "GBP");
    private static final Money EARLY = new Money(new BigDecimal("995.00"), "GBP");

    private static Run run(String zone, LocalDateTime start, LocalDateTime end, Run.EarlyBird earlyBird,
            String mode, Run.Venue venue, String status) {
        return new Run("run-1", "pspo", "PSPO", start, end, zone, null, null, mode, venue, 4, 16, LIST, earlyBird,
                status, 1);
    }

    private static Run december(Run.EarlyBird earlyBird) {
        return run("Europe/London", LocalDateTime.parse("2026-12-15T09:00"), LocalDateTime.parse("2026-12-16T17:00"),
                earlyBird, "ONLINE", null, "SCHEDULED");
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void theEarlyBirdPriceHoldsUntilTheEndOfItsDeadlineDayInTheRunsZone() {
        Run run = december(new Run.EarlyBird(EARLY, LocalDate.parse("2026-12-08")));

        assertThat(RunCard.of(run, null, at("2026-12-08T23:59:00Z")).priceToday().display()).isEqualTo("£995.00");
        assertThat(RunCard.of(run, null, at("2026-12-09T00:00:00Z")).priceToday().display()).isEqualTo("£1,195.00");
        assertThat(RunCard.of(run, null, at("2026-12-09T00:00:00Z")).isEarlyBird()).isFalse();
    }

    @Test
    void datesAndTimesAreWrittenInTheRunsOwnZone() {
        Run newYork = run("America/New_York", LocalDateTime.parse("2026-12-31T09:00"),
                LocalDateTime.parse("2027-01-01T17:00"), null, "ONLINE", null, "SCHEDULED");
        Run oneDay = run("Europe/Amsterdam", LocalDateTime.parse("2027-07-05T09:30"),
                LocalDateTime.parse("2027-07-05T16:00"), null, "ONLINE", null, "SCHEDULED");

        RunCard card = RunCard.of(newYork, null, at("2026-12-01T00:00:00Z"));
        assertThat(card.dates()).isEqualTo("Thu 31 December 2026 to Fri 1 January 2027");
        assertThat(card.times()).startsWith("09:00 to 17:00 ").endsWith("(America/New_York)");
        assertThat(RunCard.of(oneDay, null, at("2026-12-01T00:00:00Z")).dates()).isEqualTo("Mon 5 July 2027");
        assertThat(RunCard.of(oneDay, null, at("2026-12-01T00:00:00Z")).times()).contains("CEST");
    }

    @Test
    void seatsReadAsALearnerExpects() {
        Run run = december(null);
        Clock clock = at("2026-12-01T00:00:00Z");

        assertThat(RunCard.of(run, new Seats("run-1", 16, 5, 0, true), clock).seatsLabel()).isEqualTo("5 seats left");
        assertThat(RunCard.of(run, new Seats("run-1", 16, 1, 0, true), clock).seatsLabel()).isEqualTo("1 seat left");
        RunCard full = RunCard.of(run, new Seats("run-1", 16, 0, 3, true), clock);
        assertThat(full.seatsLabel()).isEqualTo("Full: join the waitlist");
        assertThat(full.isBookable()).isTrue();
        RunCard closed = RunCard.of(run, new Seats("run-1", 16, 4, 0, false), clock);
        assertThat(closed.isBookable()).isFalse();
        RunCard unknown = RunCard.of(run, null, clock);
        assertThat(unknown.isBookable()).isTrue();
        assertThat(unknown.isSeatsKnown()).isFalse();
    }

    @Test
    void aCancelledRunCannotBeBooked() {
        Run cancelled = run("Europe/London", LocalDateTime.parse("2026-12-15T09:00"),
                LocalDateTime.parse("2026-12-16T17:00"), null, "ONLINE", null, "CANCELLED");

        RunCard card = RunCard.of(cancelled, new Seats("run-1", 16, 16, 0, false), at("2026-12-01T00:00:00Z"));
        assertThat(card.isBookable()).isFalse();
        assertThat(card.seatsLabel()).isEqualTo("This run is cancelled");
    }

    @Test
    void onsiteRunsNameTheirVenue() {
        Run.Venue venue = new Run.Venue("Courseline Training Centre", "London", "GB");

        assertThat(RunCard.delivery("ONSITE", venue)).isEqualTo("Onsite at Courseline Training Centre, London (GB)");
        assertThat(RunCard.delivery("ONLINE", null)).isEqualTo("Online");
        assertThat(RunCard.delivery("BLENDED", venue)).startsWith("Blended: online and at Courseline");
    }
}
