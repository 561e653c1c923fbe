package dev.courseline.notification.events;

import static dev.courseline.notification.support.Inbox.textContains;
import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;
import dev.courseline.notification.support.ReceivedEmail;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

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
        assertThat(lead.subject()).contains("New lead: " + organisation).contains("24 people")
                .contains("respond by Tue 24 Nov 2026, 16:20 UTC");
        assertThat(lead.text()).contains(
                "Priya Shah, Head of Delivery",
                quote.path("contact").path("email").asString(),
                "+44 20 7946 0958",
                organisation + " (GB)",
                "In-house Agile and Scrum training",
                "Team size:     24",
                "Delivery mode: ONSITE",
                "Location:      Manchester",
                "Two days in the second half of January 2027",
                "12000.00 GBP",
                "Mixed team of developers and product people, new to Scrum.",
                "Routed to team emea: organisation country is in region emea",
                "Respond by Tue 24 Nov 2026, 16:20 UTC",
                "Membership request (plan: annual)",
                "http://localhost:8082/api/leads/" + leadId);
        assertThat(lead.html()).contains(organisation, "Manchester", "12000.00 GBP",
                "href=\"http://localhost:8082/api/leads/" + leadId + "\"");
        assertThat(lead.messageId()).matches("<[0-9a-f-]{36}@courseline>");
    }

    @Test
    void theRequesterIsToldWhenTheyWillHearBack() {
        String email = "priya." + UUID.randomUUID() + "@northwind.example";
        ObjectNode quote = freshQuote("Northwind " + UUID.randomUUID(), email);

        EnquiryTopic.publish(QUOTE, quote.path("enquiryId").asString(), quote);

        ReceivedEmail acknowledgement = Inbox.awaitOne(to(email));
        assertThat(acknowledgement.subject()).startsWith("We have received your in-house quote request");
        assertThat(acknowledgement.text()).contains("Dear Priya Shah", "by Tue 24 Nov 2026, 16:20 UTC",
                quote.path("links").path("status").asString());
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

        EnquiryTopic.publish(MEMBERSHIP, membership.path("enquiryId").asString(), membership);

        ReceivedEmail lead = Inbox.awaitOne(to("sales-membership@courseline.dev").and(textContains(email)));
        assertThat(lead.subject()).contains("New membership lead: Tomas Novak, annual");
        assertThat(lead.text()).contains("Plan:          annual", "I hold PSM I and want to keep learning.",
                "membership requests go to the membership desk");
        Inbox.awaitOne(to(email));
    }

    static ObjectNode freshQuote(String organisation, String contactEmail) {
        ObjectNode quote = ContractEvents.example(QUOTE);
        quote.put("enquiryId", UUID.randomUUID().toString());
        ((ObjectNode) quote.path("organisation")).put("name", organisation);
        ((ObjectNode) quote.path("contact")).put("email", contactEmail);
        ObjectNode lead = (ObjectNode) quote.path("lead");
        String leadId = UUID.randomUUID().toString();
        lead.put("leadId", leadId);
        ((ObjectNode) quote.path("links")).put("lead", "http://localhost:8082/api/leads/" + leadId);
        return quote;
    }
}
