package dev.courseline.enquiry.membership;

import static dev.courseline.enquiry.support.Forms.membership;
import static dev.courseline.enquiry.support.Forms.part;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.support.Contracts;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class MembershipIntakeIntegrationTest {

    @AutoClose
    private static EnquiryEvents events;

    @Autowired
    WebTestClient web;

    @BeforeAll
    static void listen() {
        events = new EnquiryEvents();
    }

    @Test
    void membershipRequestBecomesALeadForTheMembershipDesk() {
        String email = uniqueEmail("member");
        String id = web.post().uri("/api/enquiries/memberships").bodyValue(membership(email)).exchange()
                .expectStatus().isAccepted()
                .expectHeader().exists("Location")
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();

        JsonNode payload = events.awaitOne(id, MembershipRequested.TYPE).payload();
        Contracts.assertMatchesExample(MembershipRequested.TYPE, payload);
        assertThat(payload.get("plan").asString()).isEqualTo("annual");
        assertThat(payload.get("contact").get("email").asString()).isEqualTo(email);
        assertThat(payload.get("lead").get("team").asString()).isEqualTo("membership");
    }

    @Test
    void badMembershipFieldsAreNamed() {
        var body = membership(uniqueEmail("member"));
        body.put("plan", "gold\nplatinum");
        part(body, "contact").put("name", "");
        part(body, "consent").remove("privacyNoticeVersion");

        web.post().uri("/api/enquiries/memberships").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactly("consent.privacyNoticeVersion", "contact.name", "plan"));
    }
}
