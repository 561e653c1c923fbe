package dev.courseline.enquiry.lead;

import static dev.courseline.enquiry.support.Forms.part;
import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/** The sales inbox as the console asks for it; each test finds only its own leads through a word of its own. */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class LeadInboxIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aSalespersonSeesTheirOwnTeamsLeadsUnlessTheyAskForAllAndAnAdminSeesAll() {
        String word = word();
        String emea = newLead(word + " London Ltd", "GB", 12);
        String americas = newLead(word + " Boston Inc", "US", 12);

        assertThat(leadIds("q=" + word, "sam")).containsExactly(emea);
        assertThat(page("q=" + word, "sam").get("team").asString()).isEqualTo("emea");
        assertThat(leadIds("q=" + word, "sofia")).containsExactly(americas);
        assertThat(leadIds("q=" + word + "&team=all", "sam")).containsExactlyInAnyOrder(emea, americas);
        assertThat(leadIds("q=" + word + "&team=", "sam")).containsExactlyInAnyOrder(emea, americas);
        assertThat(page("q=" + word + "&team=all", "sam").get("team").isNull()).isTrue();
        assertThat(leadIds("q=" + word + "&team=americas", "sam")).containsExactly(americas);
        assertThat(leadIds("q=" + word, "ada")).containsExactlyInAnyOrder(emea, americas);
        assertThat(page("q=" + word, "ada").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void leadsComeSoonestReplyFirstByDefaultAndNewestFirstWhenAsked() {
        String word = word();
        String first = newLead(word + " One", "GB", 5);
        String second = newLead(word + " Two", "GB", 5);
        String third = newLead(word + " Three", "GB", 5);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        respondBy(first, now.plus(3, ChronoUnit.DAYS));
        respondBy(second, now.plus(1, ChronoUnit.DAYS));
        respondBy(third, now.plus(2, ChronoUnit.DAYS));

        assertThat(leadIds("q=" + word, "ada")).containsExactly(second, third, first);
        assertThat(leadIds("q=" + word + "&sort=respondBy", "ada")).containsExactly(second, third, first);
        assertThat(page("q=" + word, "ada").get("sort").asString()).isEqualTo("respondBy");
        assertThat(leadIds("q=" + word + "&sort=receivedAt", "ada")).containsExactly(third, second, first);
        assertThat(leadIds("q=" + word + "&size=1&page=1", "ada")).containsExactly(third);
    }

    @Test
    void overdueShowsOnlyNewLeadsPastTheirRespondByTime() {
        String word = word();
        String late = newLead(word + " Late", "GB", 5);
        String onTime = newLead(word + " On Time", "GB", 5);
        String answeredLate = newLead(word + " Answered", "GB", 5);
        respondBy(late, Instant.now().minus(1, ChronoUnit.HOURS));
        respondBy(answeredLate, Instant.now().minus(1, ChronoUnit.HOURS));
        web.post().uri("/api/leads/{id}/status", answeredLate).headers(h -> h.setBearerAuth(token("sam")))
                .bodyValue(Map.of("status", "CONTACTED")).exchange().expectStatus().isOk();

        JsonNode page = page("q=" + word + "&overdue=true", "sam");
        assertThat(ids(page)).containsExactly(late);
        assertThat(page.get("items").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(page.get("items").get(0).has("history")).isFalse();
        assertThat(leadIds("q=" + word + "&overdue=false", "sam")).containsExactlyInAnyOrder(late, onTime,
                answeredLate);
        assertThat(leadIds("q=" + word + "&overdue=true&status=NEW", "sam")).containsExactly(late);
        assertThat(leadIds("q=" + word + "&overdue=true&status=CONTACTED", "sam")).isEmpty();
        assertThat(leadIds("q=" + word + "&status=CONTACTED", "sam")).containsExactly(answeredLate);
    }

    @Test
    void freeTextMatchesTheStartsOfWordsOfOrganisationContactNameOrEmailInAnyCaseAndWithoutAccents() {
        String word = word();
        String dotted = newLead(word + " K.J Consulting", "GB", 5);
        String undotted = newLead(word + " KxJ Consulting", "GB", 5);
        Map<String, Object> byPerson = quote(word + ".contact@example.com", "Plain Org " + UUID.randomUUID());
        part(byPerson, "contact").put("name", "Zoë " + word + " Quinn");
        String person = submit(byPerson);

        // Every word typed must start a word of the lead: punctuation separates words, it matches nothing itself.
        assertThat(leadIds("q=" + word.toUpperCase() + " k.j", "ada")).containsExactly(dotted);
        assertThat(leadIds("q=" + word + " kxj", "ada")).containsExactly(undotted);
        assertThat(leadIds("q=" + word + " kx", "ada")).containsExactly(undotted);
        assertThat(leadIds("q=zoë " + word, "ada")).containsExactly(person);
        assertThat(leadIds("q=ZOE " + word, "ada")).containsExactly(person);
        assertThat(leadIds("q=" + word.toUpperCase() + ".CONTACT@", "ada")).containsExactly(person);
        assertThat(leadIds("q=" + word + ".contact@example.com", "ada")).containsExactly(person);
        assertThat(leadIds("q=" + word + "&sort=receivedAt", "ada")).containsExactly(person, undotted, dotted);
        assertThat(leadIds("q=" + word.substring(0, 8) + "&sort=receivedAt", "ada"))
                .containsExactly(person, undotted, dotted);
        // A fragment from inside a word is not the start of one.
        assertThat(page("q=" + word.substring(3), "ada").get("total").asLong()).isZero();
        assertThat(page("q=" + word + " onsulting", "ada").get("total").asLong()).isZero();
        web.get().uri(uri -> uri.path("/api/leads").queryParam("q", "(*[" + word + "]").build())
                .headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3);
        web.get().uri(uri -> uri.path("/api/leads").queryParam("q", "(*[").build())
                .headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void badInboxParametersAreNamed() {
        web.get().uri(uri -> uri.path("/api/leads").queryParam("overdue", "maybe").queryParam("sort", "oldest")
                .queryParam("q", "x".repeat(101)).build())
                .headers(h -> h.setBearerAuth(token("sam"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("overdue", "q", "sort"))
                .jsonPath("$.errors[0].message").isEqualTo("must be true or false")
                .jsonPath("$.errors[2].message").isEqualTo("must be one of respondBy, receivedAt");
    }

    private String newLead(String organisation, String country, int teamSize) {
        Map<String, Object> form = quote(uniqueEmail("inbox"), organisation);
        part(form, "organisation").put("country", country);
        form.put("teamSize", teamSize);
        return submit(form);
    }

    private String submit(Map<String, Object> form) {
        String enquiryId = web.post().uri("/api/enquiries/in-house-quotes").bodyValue(form).exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
        return mongo.findById(enquiryId, Enquiry.class).block().lead().leadId();
    }

    private void respondBy(String leadId, Instant respondBy) {
        mongo.updateFirst(Query.query(Criteria.where("lead.leadId").is(leadId)),
                new Update().set("lead.respondBy", respondBy), Enquiry.class).block();
    }

    private List<String> leadIds(String query, String user) {
        return ids(page(query, user));
    }

    private JsonNode page(String query, String user) {
        return web.get().uri("/api/leads?" + query).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("leadId").asString()).toList();
    }

    /** A word no other test's leads contain. */
    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String token(String user) {
        return LocalStack.current().tokenFor(user);
    }
}
