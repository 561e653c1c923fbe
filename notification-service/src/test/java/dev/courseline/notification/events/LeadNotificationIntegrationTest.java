package dev.courseline.notification.events;

import static dev.courseline.notification.support.Inbox.textContains;
import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;
import dev.courseline.notification.support.ReceivedEmail;

class LeadNotificationIntegrationTest extends IntegrationTest {

    private static final String QUOTE = "courseline.enquiry.quote-requested.v1";
    private static final String MEMBERSHIP = "courseline.enquiry.membership-requested.v1";

    @Test
    void aQuoteRequestEmailsTheRoutedSalesTeamEverythingNeededToCallBack() {
        String organisation = "Northwind " + UUID.randomUUID();
        ObjectNode quote = freshQuote(organisation, "priya." + UUID.randomUUID() + "@northwind.example");
        String leadId = quote.path("lead").path("leadId").asString();

        EnquiryTopic.publish(QUOTE, quote.path("enquiryId").asString(), quote);

        ReceivedEmail lead = Inbox.awaitOne(to("sales-emea@courseline.dev").and(textContains(organisation)));
        assertThat(lead.subject()).contains("New lead: " + organisation)
                .contains(quote.path("teamSize").asInt() + " people")
                .contains("respond by Tue 24 Nov 2026, 16:20 UTC");
        ObjectNode contact = (ObjectNode) quote.path("contact");
        ObjectNode related = (ObjectNode) quote.path("lead").path("relatedEnquiries").path(0);
        assertThat(lead.text()).contains(
                contact.path("name").asString() + ", " + contact.path("jobTitle").asString(),
                contact.path("email").asString(),
                contact.path("phone").asString(),
                organisation + " (" + quote.path("organisation").path("country").asString() + ")",
                "Programme:     " + quote.path("programme").path("title").asString(),
                "Team size:     " + quote.path("teamSize").asInt(),
                "Delivery mode: " + quote.path("deliveryMode").asString(),
                "Location:      " + quote.path("location").asString(),
                "Dates:         " + quote.path("preferredDates").asString(),
                quote.path("budget").path("amount").asString() + " " + quote.path("budget").path("currency").asString(),
                quote.path("message").asString(),
                "Routed to team emea: " + quote.path("lead").path("routingReason").asString(),
                "Respond by Tue 24 Nov 2026, 16:20 UTC",
                related.path("summary").asString(),
                "http://localhost:8080/staff/leads/" + leadId);
        assertThat(lead.html()).contains(organisation, quote.path("location").asString(),
                "href=\"http://localhost:8080/staff/leads/" + leadId + "\"");
        assertThat(lead.messageId()).matches("<[0-9a-f-]{36}@courseline>");
    }

    @Test
    void theRequesterIsToldWhenTheyWillHearBack() {
        String email = "priya." + UUID.randomUUID() + "@northwind.example";
        ObjectNode quote = freshQuote("Northwind " + UUID.randomUUID(), email);

        EnquiryTopic.publish(QUOTE, quote.path("enquiryId").asString(), quote);

        ReceivedEmail acknowledgement = Inbox.awaitOne(to(email));
        assertThat(acknowledgement.subject()).startsWith("We have received your in-house quote request");
        assertThat(acknowledgement.text()).contains("Dear " + quote.path("contact").path("name").asString(),
                "by Tue 24 Nov 2026, 16:20 UTC",
                quote.path("links").path("status").asString());
    }

    @Test
    void linksToTheApiInAnOlderEventBecomeTheWebsitesPagesAndMissingOnesAreMadeFromTheIds() {
        String organisation = "Older " + UUID.randomUUID();
        String email = "older." + UUID.randomUUID() + "@northwind.example";
        ObjectNode quote = freshQuote(organisation, email);
        String enquiryId = quote.path("enquiryId").asString();
        String leadId = quote.path("lead").path("leadId").asString();
        ((ObjectNode) quote.path("links")).put("status", "http://localhost:8082/api/enquiries/" + enquiryId)
                .put("lead", "http://localhost:8082/api/leads/" + leadId);

        EnquiryTopic.publish(QUOTE, enquiryId, quote);

        ReceivedEmail lead = Inbox.awaitOne(to("sales-emea@courseline.dev").and(textContains(organisation)));
        ReceivedEmail acknowledgement = Inbox.awaitOne(to(email));
        assertThat(lead.text()).contains("https://www.courseline.test/staff/leads/" + leadId);
        assertThat(acknowledgement.text()).contains("https://www.courseline.test/enquiries/" + enquiryId);
        assertThat(acknowledgement.html()).contains("href=\"https://www.courseline.test/enquiries/" + enquiryId + "\"");
        for (ReceivedEmail sent : List.of(lead, acknowledgement)) {
            assertThat(sent.text()).doesNotContain("/api/");
            assertThat(sent.html()).doesNotContain("/api/");
        }

        String member = "member." + UUID.randomUUID() + "@example.com";
        ObjectNode membership = ContractEvents.example(MEMBERSHIP);
        String membershipId = UUID.randomUUID().toString();
        membership.put("enquiryId", membershipId).remove("links");
        ((ObjectNode) membership.path("contact")).put("email", member);
        ((ObjectNode) membership.path("lead")).put("leadId", UUID.randomUUID().toString());

        EnquiryTopic.publish(MEMBERSHIP, membershipId, membership);

        assertThat(Inbox.awaitOne(to(member)).text()).contains("https://www.courseline.test/enquiries/" + membershipId);
    }

    @Test
    void theSameEventDeliveredTwiceSendsEachEmailOnce() {
        String organisation = "Twice " + UUID.randomUUID();
        String email = "twice." + UUID.randomUUID() + "@example.com";
        ObjectNode quote = freshQuote(organisation, email);
        String eventId = UUID.randomUUID().toString();

        EnquiryTopic.publish(eventId, QUOTE, quote.path("enquiryId").asString(), ContractEvents.bytes(quote));
        EnquiryTopic.publish(eventId, QUOTE, quote.path("enquiryId").asString(), ContractEvents.bytes(quote));
        // A later, different event is the marker that both copies have been consumed (one partition key, in order).
        String marker = "Marker " + UUID.randomUUID();
        ObjectNode after = freshQuote(marker, "marker." + UUID.randomUUID() + "@example.com");
        EnquiryTopic.publish(QUOTE, quote.path("enquiryId").asString(), after);
        Inbox.awaitOne(to("sales-emea@courseline.dev").and(textContains(marker)));

        List<ReceivedEmail> leads = Inbox.matching(to("sales-emea@courseline.dev").and(textContains(organisation)));
        assertThat(leads).hasSize(1);
        assertThat(Inbox.matching(to(email))).hasSize(1);
    }

    @Test
    void aMembershipRequestGoesToTheMembershipDesk() {
        String email = "tomas." + UUID.randomUUID() + "@example.com";
        ObjectNode membership = ContractEvents.example(MEMBERSHIP);
        membership.put("enquiryId", UUID.randomUUID().toString());
        ((ObjectNode) membership.path("contact")).put("email", email);
        ((ObjectNode) membership.path("lead")).put("leadId", UUID.randomUUID().toString());
        String name = membership.path("contact").path("name").asString();
        String plan = membership.path("plan").asString();

        EnquiryTopic.publish(MEMBERSHIP, membership.path("enquiryId").asString(), membership);

        ReceivedEmail lead = Inbox.awaitOne(
                to("sales-" + membership.path("lead").path("team").asString() + "@courseline.dev")
                        .and(textContains(email)));
        assertThat(lead.subject()).contains("New membership lead: " + name + ", " + plan);
        assertThat(lead.text()).contains("Plan:          " + plan, membership.path("message").asString(),
                membership.path("lead").path("routingReason").asString());
        Inbox.awaitOne(to(email));
    }

    @Test
    void aLeadMovedToAnotherTeamIsAnnouncedToThatTeamButAFirstAssignmentIsNot() {
        ObjectNode assigned = ContractEvents.example("courseline.enquiry.lead-assigned.v1");
        String leadId = UUID.randomUUID().toString();
        String organisation = "Moved " + UUID.randomUUID();
        assigned.put("leadId", leadId).put("organisation", organisation).put("team", "apac")
                .put("previousTeam", "emea");
        ObjectNode first = assigned.deepCopy().put("organisation", "First " + organisation).put("team", "apac");
        first.putNull("previousTeam");

        EnquiryTopic.publish("courseline.enquiry.lead-assigned.v1", leadId, first);
        EnquiryTopic.publish("courseline.enquiry.lead-assigned.v1", leadId, assigned);

        ReceivedEmail moved = Inbox.awaitOne(to("sales-apac@courseline.dev").and(textContains(organisation)));
        assertThat(moved.subject()).startsWith("Lead reassigned to your team: " + organisation);
        assertThat(moved.text()).contains("(from emea)", assigned.path("routingReason").asString());
        assertThat(Inbox.matching(textContains("First " + organisation))).isEmpty();
    }

    static ObjectNode freshQuote(String organisation, String contactEmail) {
        ObjectNode quote = ContractEvents.example(QUOTE);
        quote.put("enquiryId", UUID.randomUUID().toString());
        ((ObjectNode) quote.path("organisation")).put("name", organisation);
        ((ObjectNode) quote.path("contact")).put("email", contactEmail);
        ObjectNode lead = (ObjectNode) quote.path("lead");
        String leadId = UUID.randomUUID().toString();
        lead.put("leadId", leadId);
        lead.put("respondBy", "2026-11-24T16:20:00Z");
        ((ObjectNode) quote.path("links")).put("lead", "http://localhost:8080/staff/leads/" + leadId)
                .put("status", "http://localhost:8080/enquiries/" + quote.path("enquiryId").asString());
        return quote;
    }
}
