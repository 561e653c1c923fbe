package dev.courseline.notification.events;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;
import dev.courseline.notification.support.ReceivedEmail;

class HostileInputIntegrationTest extends IntegrationTest {

    @Test
    void htmlAndLineBreaksFromARequesterAreShownAsTextAndCannotAddHeaders() {
        String marker = UUID.randomUUID().toString();
        String organisation = "Evil <b>Corp</b>\r\nBcc: victim@example.com\r\nX-Injected: " + marker;
        ObjectNode quote = LeadNotificationIntegrationTest.freshQuote(organisation,
                "mallory." + UUID.randomUUID() + "@example.com");
        ((ObjectNode) quote.path("contact")).put("name", "<script>alert('x')</script>\nMallory");
        quote.put("message", "<img src=x onerror=alert(1)> & \"quotes\"");

        EnquiryTopic.publish("courseline.enquiry.quote-requested.v1", quote.path("enquiryId").asString(), quote);

        ReceivedEmail lead = Inbox.awaitOne(to("sales-emea@courseline.dev").and(Inbox.textContains(marker)));
        assertThat(lead.header("X-Injected")).isNull();
        assertThat(lead.header("Bcc")).isNull();
        assertThat(lead.to()).containsExactly("sales-emea@courseline.dev");
        assertThat(lead.subject()).doesNotContain("\r", "\n")
                .contains("Evil <b>Corp</b> Bcc: victim@example.com X-Injected: " + marker);
        assertThat(lead.html()).doesNotContain("<script>", "<img", "<b>Corp")
                .contains("&lt;script&gt;", "&lt;img src", "&amp; &quot;quotes&quot;",
                        "Evil &lt;b&gt;Corp&lt;/b&gt;");
        assertThat(lead.text()).contains("<img src=x onerror=alert(1)> & \"quotes\"");
    }
}
