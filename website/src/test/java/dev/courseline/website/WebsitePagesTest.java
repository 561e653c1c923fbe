package dev.courseline.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import dev.courseline.website.support.StubApi;

/**
 * The website's own behaviour over stand-in APIs: what a visitor gets for bad input, a stale form, a missing page and
 * a service that is down. The whole journeys run against the real services in end-to-end-tests.
 */
@SpringBootTest
@AutoConfigureWebTestClient
class WebsitePagesTest {

    private static final StubApi API = new StubApi();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void apis(DynamicPropertyRegistry registry) {
        registry.add("website.catalogue-api-url", API::url);
        registry.add("website.enquiry-api-url", API::url);
        registry.add("website.api-timeout", () -> "2s");
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @BeforeEach
    void reset() {
        API.reset();
    }

    @Test
    void pagesForbidInlineScriptAndThirdParties() {
        String html = web.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy",
                        ".*script-src 'self';.*form-action 'self' http://localhost:9000;.*")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<html lang=\"en\">", "<main id=\"main\"");
        assertThat(html).doesNotContain("<script>", "style=\"", "http://", "https://");
    }

    @Test
    void aBadFieldShowsTheServicesMessageNextToItWithEverythingTypedKept() {
        API.answer("POST", "/api/enquiries/in-house-quotes", 400, """
                {"status":400,"detail":"The request has 1 invalid field(s).",
                 "errors":[{"field":"contact.email","message":"must be a well-formed email address"}]}""");
        String key = UUID.randomUUID().toString();

        String html = web.mutateWith(csrf()).post().uri("/in-house").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("organisationName", "Northwind <b>Logistics</b>")
                        .with("country", "GB").with("contactName", "Priya").with("email", "not-an-email")
                        .with("teamSize", "24").with("deliveryMode", "ONSITE").with("location", "Manchester")
                        .with("consent", "yes").with("idempotencyKey", key))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("id=\"email-error\"", "must be a well-formed email address",
                "aria-describedby=\"email-error\"", "value=\"not-an-email\"", "value=\"Manchester\"",
                "Northwind &lt;b&gt;Logistics&lt;/b&gt;", "value=\"" + key + "\"");
        assertThat(html).doesNotContain("<b>Logistics</b>");
        StubApi.Received sent = API.received().get(0);
        assertThat(sent.header("Idempotency-Key")).isEqualTo(key);
        assertThat(sent.body()).contains("\"teamSize\":24", "\"email\":\"not-an-email\"",
                "\"privacyNoticeVersion\":\"2026-09\"");
    }

    @Test
    void anAcceptedRequestRedirectsToItsStatusPage() {
        API.answer("POST", "/api/enquiries/memberships", 202, """
                {"enquiryId":"enq-42","status":"RECEIVED","links":{"status":"http://x/api/enquiries/enq-42"}}""");

        web.mutateWith(csrf()).post().uri("/membership").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("contactName", "Ana").with("email", "ana@example.org")
                        .with("plan", "individual").with("consent", "yes")
                        .with("idempotencyKey", UUID.randomUUID().toString()))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/enquiries/enq-42");
    }

    @Test
    void eachPublicFormHasAHoneypotPeopleNeverMeetAndASignedRenderTimeBothPassedToTheService() throws Exception {
        for (String page : List.of("/in-house", "/membership")) {
            String html = web.get().uri(page).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(html).contains("<div class=\"hp-field\" aria-hidden=\"true\">",
                    "name=\"homepage\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"");
        }
        String html = web.get().uri("/membership").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        java.util.regex.Matcher stamp = java.util.regex.Pattern
                .compile("name=\"formStamp\" value=\"(\\d+)\\.([A-Za-z0-9_-]+)\"").matcher(html);
        assertThat(stamp.find()).as("a signed stamp in the form").isTrue();
        long renderedAt = Long.parseLong(stamp.group(1));
        assertThat(renderedAt).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                "local-development-only-form-stamp-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        assertThat(stamp.group(2)).isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(stamp.group(1).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));

        API.answer("POST", "/api/enquiries/memberships", 202, """
                {"enquiryId":"enq-43","status":"RECEIVED","links":{"status":"http://x/api/enquiries/enq-43"}}""");
        String sentStamp = stamp.group(1) + "." + stamp.group(2);
        web.mutateWith(csrf()).post().uri("/membership").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("contactName", "Bot").with("email", "bot@example.org")
                        .with("plan", "individual").with("consent", "yes").with("homepage", "http://spam.example")
                        .with("formStamp", sentStamp).with("idempotencyKey", UUID.randomUUID().toString()))
                .exchange()
                .expectStatus().isSeeOther();
        StubApi.Received sent = API.received().get(0);
        assertThat(sent.header("X-Form-Honeypot")).isEqualTo("http://spam.example");
        assertThat(sent.header("X-Form-Stamp")).isEqualTo(sentStamp);
        assertThat(sent.body()).doesNotContain("homepage", "formStamp");
    }

    @Test
    void aFullWaitlistIsSaidOnTheEnrolmentFormPage() {
        API.answer("GET", "/api/runs/run-9", 200, """
                {"id":"run-9","courseSlug":"pspo","courseTitle":"Professional Scrum Product Owner",
                 "start":"2027-03-01T09:00","end":"2027-03-02T17:00","timeZone":"Europe/London",
                 "startUtc":"2027-03-01T09:00:00Z","endUtc":"2027-03-02T17:00:00Z","deliveryMode":"ONLINE",
                 "venue":null,"minCapacity":4,"maxCapacity":12,"price":{"amount":"1195.00","currency":"GBP"},
                 "earlyBird":null,"status":"SCHEDULED","version":1}""");
        API.answer("POST", "/api/enrolments", 409, """
                {"status":409,"title":"Waitlist full",
                 "detail":"This date is fully booked and its waitlist is full. Please choose another date."}""");
        String html = web.mutateWith(csrf()).post().uri("/runs/run-9/enrol")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("name", "Grace").with("email", "grace@example.org")
                        .with("consent", "yes").with("idempotencyKey", UUID.randomUUID().toString()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("This date is fully booked and its waitlist is full. Please choose another date.")
                .doesNotContain("id=\"email-error\"");
    }

    @Test
    void aTooManyRequestsAnswerIsSaidOnTheFormNotAsAnOutage() {
        API.answer("POST", "/api/enquiries/memberships", 429, """
                {"status":429,"title":"Too many requests","detail":"Too many requests; please try again later."}""");
        String html = web.mutateWith(csrf()).post().uri("/membership")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("contactName", "Ana").with("email", "ana@example.org")
                        .with("plan", "individual").with("consent", "yes")
                        .with("idempotencyKey", UUID.randomUUID().toString()))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("Too many requests; please try again later.", "value=\"ana@example.org\"");
    }

    @Test
    void aFormSentWithoutItsCsrfTokenGetsAPageNotAnError() {
        String html = web.post().uri("/in-house").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("organisationName", "Northwind"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<h1>Please send the form again</h1>");
        assertThat(API.received()).isEmpty();
    }

    @Test
    void anUnknownPageIsAPageEvenForAClientAskingForJson() {
        String html = web.get().uri("/no-such-page").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<h1>We could not find that page</h1>").doesNotContain("\"status\"");
    }

    @Test
    void aWithdrawnCourseAndAnUnknownEnrolmentLinkSayWhatHappened() {
        String course = web.get().uri("/courses/retired-course").exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        String link = web.get().uri("/enrolments/nope?token=abc").exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(course).contains("This course is not offered at the moment.");
        assertThat(link).contains("This enrolment link is not valid.");
    }

    @Test
    void aServiceThatCannotBeReachedGivesTheFriendlyUnavailablePage() {
        API.answer("GET", "/api/courses/pspo", 500, "{\"status\":500}");

        String html = web.get().uri("/courses/pspo").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<h1>This is temporarily unavailable</h1>");
    }

    @Test
    void aCancellationLinkWithoutItsTokenIsNotFoundAndCancelsNothing() {
        web.get().uri("/enrolments/enr-1/cancel").exchange().expectStatus().isNotFound();
        web.mutateWith(csrf()).post().uri("/enrolments/enr-1/cancel")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("token", ""))
                .exchange().expectStatus().isNotFound();

        assertThat(API.received()).noneMatch(request -> request.path().endsWith("/cancellation"));
    }
}
