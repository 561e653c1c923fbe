package dev.courseline.website.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.courseline.website.api.Enrolment;
import dev.courseline.website.api.Run;

class CalendarFileTest {

    private static Enrolment enrolment(String status, String zone, String start, String end, Run.Venue venue) {
        return new Enrolment("enr-1", status, null, new Enrolment.EnrolledRun("run-1", "pspo",
                "Professional Scrum Product Owner (PSPO)", LocalDateTime.parse(start), LocalDateTime.parse(end), zone,
                null, null, venue == null ? "ONLINE" : "ONSITE", venue));
    }

    @Test
    void aTwoDayRunIsOneEventPerDayAtTheRunsHoursInUtc() {
        String ics = CalendarFile.of(enrolment("CONFIRMED", "America/New_York", "2026-12-31T09:00",
                "2027-01-01T17:00", null), "https://example.org/enrolments/enr-1",
                Instant.parse("2026-12-02T10:00:00Z"));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(ics).contains("DTSTART:20261231T140000Z\r\n", "DTEND:20261231T220000Z\r\n",
                "DTSTART:20270101T140000Z\r\n", "DTEND:20270101T220000Z\r\n", "STATUS:CONFIRMED");
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedAt75Octets() {
        String ics = CalendarFile.of(enrolment("CANCELLED", "Europe/London", "2026-12-15T09:00", "2026-12-15T17:00",
                new Run.Venue("Centre; Floor 2, Room \"Scrum\"", "London", "GB")),
                "https://example.org/enrolments/enr-1?with=a-rather-long-query-that-goes-past-the-line-limit",
                Instant.parse("2026-12-02T10:00:00Z"));

        assertThat(ics).contains("LOCATION:Centre\\; Floor 2\\, Room \"Scrum\"\\, London\\, GB", "STATUS:CANCELLED");
        assertThat(Arrays.stream(ics.split("\r\n")))
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(ics.replace("\r\n ", "")).contains(
                "URL:https://example.org/enrolments/enr-1?with=a-rather-long-query-that-goes-past-the-line-limit");
    }
}
