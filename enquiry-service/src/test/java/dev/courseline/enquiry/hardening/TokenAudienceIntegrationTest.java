package dev.courseline.enquiry.hardening;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/** A token of the same issuer and key, with the roles, but issued for another audience than courseline, is refused. */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class TokenAudienceIntegrationTest {

    @Autowired
    WebTestClient web;

    @Test
    void aTokenForAnotherAudienceGets401AndOneForCourselineIsTaken() {
        web.get().uri("/api/leads").headers(headers -> headers.setBearerAuth(
                LocalStack.current().tokenForAudience("ada", "another-application")))
                .exchange()
                .expectStatus().isUnauthorized();

        web.get().uri("/api/leads").headers(headers -> headers.setBearerAuth(LocalStack.current().tokenFor("ada")))
                .exchange()
                .expectStatus().isOk();
    }
}
