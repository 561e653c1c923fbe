package dev.courseline.notification.events;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;
import dev.courseline.notification.support.ReceivedEmail;

class EnrolmentEmailsIntegrationTest extends IntegrationTest {

    private static final String PREFIX = "courseline.enquiry.";

    @Test
    void aConfirmationCarriesACalendarInvitationForTheRunAndACancellationWithdrawsTheSameEntry() {
        String enrolmentId = UUID.randomUUID().toString();
        String email = "grace." + UUID.randomUUID() + "@example.com";
        ObjectNode confirmed = enrolment("enrolment-confirmed", enrolmentId, email);
        long version = confirmed.path("run").path("version").asLong();
        String title = confirmed.path("run").path("courseTitle").asString();

        EnquiryTopic.publish(PREFIX + "enrolment-confirmed.v1", enrolmentId, confirmed);

        ReceivedEmail confirmation = Inbox.awaitOne(to(email));
        assertThat(confirmation.subject()).isEqualTo("Enrolment confirmed: " + title
                + ", Tue 8 Dec 2026, 09:00 (Europe/London)");
        assertThat(confirmation.text()).contains("Your place is confirmed", title,
                "Starts:   Tue 8 Dec 2026, 09:00 (Europe/London) (Tue 8 Dec 2026, 09:00 UTC)",
                confirmed.path("run").path("venue").path("city").asString(),
                confirmed.path("links").path("cancel").asString());
        assertThat(confirmation.calendarContentType()).contains("text/calendar").contains("method=REQUEST");
        String invitation = confirmation.calendar();
        assertThat(invitation).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("\r\nMETHOD:REQUEST\r\n", "\r\nUID:enrolment-" + enrolmentId + "@courseline\r\n",
                        "\r\nSEQUENCE:" + version + "\r\n", "\r\nDTSTART:20261208T090000Z\r\n",
                        "\r\nDTEND:20261209T170000Z\r\n", "\r\nSTATUS:CONFIRMED\r\n");
        assertThat(invitation.replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n", "\r");
        assertThat(invitation.split("\r\n"))
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

        ObjectNode cancelled = enrolment("enrolment-cancelled", enrolmentId, email);
        EnquiryTopic.publish(PREFIX + "enrolment-cancelled.v1", enrolmentId, cancelled);

        ReceivedEmail cancellation = Inbox.awaitOne(to(email).and(e -> e.subject().startsWith("Enrolment cancelled")));
        assertThat(cancellation.text()).contains("Your enrolment is cancelled. You cancelled your place.");
        assertThat(cancellation.calendarContentType()).contains("method=CANCEL");
        assertThat(cancellation.calendar()).contains("\r\nMETHOD:CANCEL\r\n",
                "\r\nUID:enrolment-" + enrolmentId + "@courseline\r\n", "\r\nSEQUENCE:" + (version + 1) + "\r\n",
                "\r\nSTATUS:CANCELLED\r\n");
    }

    @Test
    void aRescheduleUpdatesTheCalendarEntryWithTheNewDates() {
        String enrolmentId = UUID.randomUUID().toString();
        String email = "moved." + UUID.randomUUID() + "@example.com";
        ObjectNode rescheduled = enrolment("enrolment-rescheduled", enrolmentId, email);
        ObjectNode run = (ObjectNode) rescheduled.path("run");
        run.put("start", "2027-01-12T09:00").put("end", "2027-01-13T17:00")
                .put("startUtc", "2027-01-12T09:00:00Z").put("endUtc", "2027-01-13T17:00:00Z").put("version", 7);

        EnquiryTopic.publish(PREFIX + "enrolment-rescheduled.v1", enrolmentId, rescheduled);

        ReceivedEmail update = Inbox.awaitOne(to(email));
        assertThat(update.subject()).startsWith("New dates: ").endsWith("now Tue 12 Jan 2027, 09:00 (Europe/London)");
        assertThat(update.calendar()).contains("\r\nMETHOD:REQUEST\r\n", "\r\nSEQUENCE:7\r\n",
                "\r\nUID:enrolment-" + enrolmentId + "@courseline\r\n", "\r\nDTSTART:20270112T090000Z\r\n");
    }

    @Test
    void aRescheduleTellsTheEnrolledWithAnInvitationAndTheWaitlistedWithAWaitlistNoticeWithoutOne() {
        String enrolledId = UUID.randomUUID().toString();
        String enrolled = "enrolled." + UUID.randomUUID() + "@example.com";
        String waitingId = UUID.randomUUID().toString();
        String waiting = "still-waiting." + UUID.randomUUID() + "@example.com";
        ObjectNode forEnrolled = enrolment("enrolment-rescheduled", enrolledId, enrolled);
        ObjectNode forWaiting = enrolment("enrolment-rescheduled", waitingId, waiting);
        forWaiting.put("status", "WAITLISTED").put("waitlistPosition", 2);

        EnquiryTopic.publish(PREFIX + "enrolment-rescheduled.v1", enrolledId, forEnrolled);
        EnquiryTopic.publish(PREFIX + "enrolment-rescheduled.v1", waitingId, forWaiting);

        ReceivedEmail update = Inbox.awaitOne(to(enrolled));
        assertThat(update.text()).contains("The course you are enrolled on has new dates");
        assertThat(update.calendar()).contains("\r\nMETHOD:REQUEST\r\n");
        ReceivedEmail notice = Inbox.awaitOne(to(waiting));
        assertThat(notice.subject()).startsWith("New dates, still on the waitlist: ");
        assertThat(notice.text()).contains("on the waitlist for has new dates", "at position 2")
                .doesNotContain("enrolled on");
        assertThat(notice.calendar()).isNull();
        assertThat(notice.calendarContentType()).isNull();
    }

    @Test
    void aWaitlistedLearnerIsToldTheirPositionAndAPromotionConfirmsTheSeat() {
        String enrolmentId = UUID.randomUUID().toString();
        String email = "waiting." + UUID.randomUUID() + "@example.com";
        ObjectNode waitlisted = enrolment("enrolment-waitlisted", enrolmentId, email);
        waitlisted.put("waitlistPosition", 4);

        EnquiryTopic.publish(PREFIX + "enrolment-waitlisted.v1", enrolmentId, waitlisted);

        ReceivedEmail notice = Inbox.awaitOne(to(email));
        assertThat(notice.subject()).startsWith("On the waitlist: ");
        assertThat(notice.text()).contains("waitlist at position 4");
        assertThat(notice.calendar()).isNull();

        EnquiryTopic.publish(PREFIX + "enrolment-promoted.v1", enrolmentId,
                enrolment("enrolment-promoted", enrolmentId, email));

        ReceivedEmail promotion = Inbox.awaitOne(to(email).and(e -> e.subject().startsWith("A seat is yours")));
        assertThat(promotion.text()).contains("a seat came free and it is yours");
        assertThat(promotion.calendar()).contains("METHOD:REQUEST", "UID:enrolment-" + enrolmentId + "@courseline");
    }

    @Test
    void aLeadPastItsDeadlineIsEscalatedToTheTeamLead() {
        ObjectNode overdue = ContractEvents.example(PREFIX + "lead-overdue.v1");
        String leadId = UUID.randomUUID().toString();
        String organisation = "Overdue " + UUID.randomUUID();
        overdue.put("leadId", leadId).put("organisation", organisation)
                .put("team", "americas");
        ((ObjectNode) overdue.path("links")).put("lead", "http://localhost:8080/staff/leads/" + leadId);

        EnquiryTopic.publish(PREFIX + "lead-overdue.v1", leadId, overdue);

        ReceivedEmail escalation = Inbox.awaitOne(to("lead-americas@courseline.dev")
                .and(Inbox.textContains(organisation)));
        assertThat(escalation.subject()).isEqualTo("Overdue lead: " + organisation
                + " was due an answer by Tue 24 Nov 2026, 16:20 UTC");
        assertThat(escalation.text()).contains(overdue.path("contactName").asString(),
                "http://localhost:8080/staff/leads/" + leadId);
    }

    @Test
    void anOlderEventsLinkToTheApisCancellationOpensTheLearnersPageOnTheWebsiteWithTheSameToken() {
        String enrolmentId = UUID.randomUUID().toString();
        String email = "older." + UUID.randomUUID() + "@example.com";
        ObjectNode confirmed = enrolment("enrolment-confirmed", enrolmentId, email);
        ((ObjectNode) confirmed.path("links")).put("cancel",
                "http://localhost:8082/api/enrolments/" + enrolmentId + "/cancellation?token=s3cr3t-T0ken_x");

        EnquiryTopic.publish(PREFIX + "enrolment-confirmed.v1", enrolmentId, confirmed);

        ReceivedEmail confirmation = Inbox.awaitOne(to(email));
        String page = "https://www.courseline.test/enrolments/" + enrolmentId + "?token=s3cr3t-T0ken_x";
        assertThat(confirmation.text()).contains(page).doesNotContain("/api/");
        // The HTML escapes '=' as &#x3D;, which a browser reads back as '=' in the address it opens.
        assertThat(confirmation.html().replace("&#x3D;", "=")).contains("href=\"" + page + "\"")
                .doesNotContain("/api/");
    }

    private static ObjectNode enrolment(String type, String enrolmentId, String email) {
        ObjectNode payload = ContractEvents.example(PREFIX + type + ".v1");
        payload.put("enrolmentId", enrolmentId);
        ((ObjectNode) payload.path("learner")).put("email", email);
        return payload;
    }
}
