package dev.courseline.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.courseline.notification.compose.LeadView;
import dev.courseline.notification.template.EmailTemplates.RenderedBody;

class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates();

    private static LeadView lead(String organisation, String message) {
        return new LeadView("In-house quote", true, "lead-1", "enquiry-1", "Sun 22 Nov 2026, 16:20 UTC", organisation,
                "GB", "Priya Shah", "priya@example.com", "+44 20", "Head of Delivery", "PSPO", "24", "ONSITE",
                "Manchester", "January", "12000.00 GBP", "", message, "emea", "country is in emea",
                "Tue 24 Nov 2026, 16:20 UTC",
                List.of(new LeadView.RelatedView("enquiry-0", "MEMBERSHIP", "Sat 3 Oct 2026, 09:12 UTC", organisation,
                        "Membership request")),
                "http://localhost:8080/staff/leads/lead-1");
    }

    @Test
    void userTextIsEscapedInHtmlAndLeftAloneInPlainText() {
        RenderedBody body = templates.render("lead-notification",
                lead("<b>Acme</b> & Co", "<script>alert(\"hi\")</script>"));

        assertThat(body.html()).doesNotContain("<script>", "<b>Acme")
                .contains("&lt;b&gt;Acme&lt;/b&gt; &amp; Co", "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;");
        assertThat(body.text()).contains("<b>Acme</b> & Co (GB)", "<script>alert(\"hi\")</script>");
    }

    @Test
    void theLeadNotificationShowsEveryFieldSalesNeed() {
        RenderedBody body = templates.render("lead-notification", lead("Acme", "Hello"));

        assertThat(body.text()).contains("Who:           Priya Shah, Head of Delivery", "Organisation:  Acme (GB)",
                "Team size:     24", "Delivery mode: ONSITE", "Location:      Manchester", "Dates:         January",
                "Budget:        12000.00 GBP", "Hello", "Routed to team emea: country is in emea",
                "Respond by Tue 24 Nov 2026, 16:20 UTC.", "- Sat 3 Oct 2026, 09:12 UTC, MEMBERSHIP, Acme",
                "Open the lead: http://localhost:8080/staff/leads/lead-1");
        assertThat(body.html()).contains("<a href=\"http://localhost:8080/staff/leads/lead-1\">");
    }

    @Test
    void aLeadWithoutEarlierEnquiriesSaysSo() {
        LeadView alone = lead("Acme", "Hello");
        LeadView withoutHistory = new LeadView(alone.kindLabel(), alone.quote(), alone.leadId(), alone.enquiryId(),
                alone.receivedAt(), alone.organisation(), alone.country(), alone.contactName(), alone.contactEmail(),
                alone.contactPhone(), alone.jobTitle(), alone.programme(), alone.teamSize(), alone.deliveryMode(),
                alone.location(), alone.preferredDates(), alone.budget(), alone.plan(), alone.message(), alone.team(),
                alone.routingReason(), alone.respondBy(), List.of(), alone.leadUrl());

        assertThat(templates.render("lead-notification", withoutHistory).text())
                .contains("Earlier enquiries from the same organisation:\n- none");
    }
}
