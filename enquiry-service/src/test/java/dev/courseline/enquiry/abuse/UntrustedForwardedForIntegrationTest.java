package dev.courseline.enquiry.abuse;

import static dev.courseline.enquiry.support.Forms.membership;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.courseline.localstack.junit.WithLocalStack;

/** When the loopback is no trusted proxy, X-Forwarded-For cannot spread one client over many addresses. */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "enquiry.abuse.trusted-proxies=192.0.2.1",
        "enquiry.abuse.limits.address.requests=3",
        "enquiry.abuse.limits.address.window=1h"})
@AutoConfigureWebTestClient(timeout = "60s")
class UntrustedForwardedForIntegrationTest {

    @Autowired
    WebTestClient web;

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
        for (int i = 0; i < 3; i++) {
            post("198.51.100." + (i + 1)).expectStatus().isAccepted();
        }
        post("198.51.100.99").expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
    }

    private WebTestClient.ResponseSpec post(String forwardedFor) {
        return web.post().uri("/api/enquiries/memberships").header("X-Forwarded-For", forwardedFor)
                .bodyValue(membership(uniqueEmail("spoof"))).exchange();
    }
}
