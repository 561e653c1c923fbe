package dev.courseline.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-22T16:30:00Z");

    private static CalendarEvent event(String summary, long sequence) {
        return new CalendarEvent("enrolment-42@courseline", sequence, Instant.parse("2026-12-08T09:00:00Z"),
                Instant.parse("2026-12-09T17:00:00Z"), summary, "Training Centre, London, GB",
                "Two days; bring a laptop", "no-reply@courseline.dev", "Grace \"G\" Okafor", "grace@example.com");
    }

    @Test
    void anInvitationIsAValidRequestWithUtcTimesAndCrlfLineEndings() {
        String ics = IcsCalendar.write(IcsCalendar.REQUEST, event("PSPO", 3), NOW);

        assertThat(ics).isEqualTo(String.join("\r\n",
                "BEGIN:VCALENDAR",
                "PRODID:-//Courseline//Notification Service//EN",
                "VERSION:2.0",
                "CALSCALE:GREGORIAN",
                "METHOD:REQUEST",
                "BEGIN:VEVENT",
                "UID:enrolment-42@courseline",
                "SEQUENCE:3",
                "DTSTAMP:20261122T163000Z",
                "DTSTART:20261208T090000Z",
                "DTEND:20261209T170000Z",
                "SUMMARY:PSPO",
                "LOCATION:Training Centre\\, London\\, GB",
                "DESCRIPTION:Two days\\; bring a laptop",
                "STATUS:CONFIRMED",
                "TRANSP:OPAQUE",
                "ORGANIZER;CN=Courseline:mailto:no-reply@courseline.dev",
                "ATTENDEE;CN=\"Grace 'G' Okafor\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=",
                " FALSE:mailto:grace@example.com",
                "END:VEVENT",
                "END:VCALENDAR",
                ""));
    }

    @Test
    void aCancellationKeepsTheUidAndMarksTheEntryCancelled() {
        String ics = IcsCalendar.write(IcsCalendar.CANCEL, event("PSPO", 4), NOW);

        assertThat(ics).contains("\r\nMETHOD:CANCEL\r\n", "\r\nUID:enrolment-42@courseline\r\n", "\r\nSEQUENCE:4\r\n",
                "\r\nSTATUS:CANCELLED\r\n");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String title = "Zertifizierter Scrum Product Owner – Überblick für Führungskräfte – " + "ü".repeat(60);
        String ics = IcsCalendar.write(IcsCalendar.REQUEST, event(title, 1), NOW);

        assertThat(Arrays.stream(ics.split("\r\n")))
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75))
                .noneMatch(line -> line.contains("\uFFFD"));
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + title + "\r\n");
    }

    @Test
    void lineBreaksAndSeparatorsInTextCannotStartANewProperty() {
        String ics = IcsCalendar.write(IcsCalendar.REQUEST, event("PSPO\r\nMETHOD:CANCEL", 1), NOW);

        assertThat(ics).contains("SUMMARY:PSPO\\nMETHOD:CANCEL\r\n");
        assertThat(ics.split("\r\n")).filteredOn(line -> line.startsWith("METHOD")).containsExactly("METHOD:REQUEST");
    }
}
