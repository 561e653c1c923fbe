package dev.courseline.enquiry.catalogue;

import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.courseline.enquiry.quote.QuoteRequested;
import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class CatalogueViewIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @AutoClose
    private static EnquiryEvents events;
    @AutoClose
    private static CatalogueFeed catalogue;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        events = new EnquiryEvents();
        catalogue = new CatalogueFeed();
    }

    @Test
    void quotesAcceptPublishedCoursesAndRefuseWithdrawnOnesWhileOldVersionsChangeNothing() {
        String slug = "pspo-" + UUID.randomUUID();
        publishCourse(slug, "PUBLISHED", 2, "course-published");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(slug, Course.class).block() != null);

        var body = quote(uniqueEmail("course"), "Course Co " + UUID.randomUUID());
        body.put("programme", slug);
        String id = web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
        JsonNode programme = events.awaitOne(id, QuoteRequested.TYPE).payload().get("programme");
        assertThat(programme.get("slug").asString()).isEqualTo(slug);
        assertThat(programme.get("title").asString()).isEqualTo("Professional Scrum Product Owner (PSPO)");

        publishCourse(slug, "WITHDRAWN", 3, "course-withdrawn");
        publishCourse(slug, "PUBLISHED", 1, "course-published");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "WITHDRAWN".equals(mongo.findById(slug, Course.class).block().status()));

        var later = quote(uniqueEmail("withdrawn"), "Course Co " + UUID.randomUUID());
        later.put("programme", slug);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> web.post().uri("/api/enquiries/in-house-quotes").bodyValue(later).exchange()
                        .expectStatus().isBadRequest()
                        .expectBody().jsonPath("$.errors[0].field").isEqualTo("programme"));
        assertThat(mongo.findById(slug, Course.class).block().version()).isEqualTo(3);
    }

    private void publishCourse(String slug, String status, long version, String event) {
        ObjectNode course = (ObjectNode) JSON
                .readTree(CatalogueFeed.example("courseline.catalogue.course-published.v1"));
        course.put("slug", slug);
        course.put("status", status);
        course.put("version", version);
        catalogue.publish("courseline.catalogue." + event + ".v1", slug, course);
    }
}
