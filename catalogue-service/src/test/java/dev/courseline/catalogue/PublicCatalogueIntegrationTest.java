package dev.courseline.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import dev.courseline.catalogue.support.IntegrationTestSupport;

/** What a visitor of the website sees: the seeded catalogue, filters, caching headers and the role-fit guide. */
class PublicCatalogueIntegrationTest extends IntegrationTestSupport {

    @Test
    void theSeededCoursesAreServedPubliclyWithWhatTheSeedsSayAboutThem() {
        JsonNode page = get("/api/courses?size=100");
        List<String> slugs = page.get("items").valueStream().map(course -> course.get("slug").asString()).toList();
        assertThat(slugs).contains("pspo", "psm", "in-house", "cpd-membership");

        JsonNode pspo = get("/api/courses/pspo");
        assertThat(pspo.get("kind").asString()).isEqualTo("PUBLIC_COURSE");
        assertThat(pspo.get("role").asString()).isEqualTo("PRODUCT_OWNER");
        assertThat(pspo.get("certification").get("name").asString()).isEqualTo("PSPO I");
        assertThat(pspo.get("certification").get("assessmentIncluded").asBoolean()).isTrue();
        assertThat(pspo.get("outcomes").valueStream().map(JsonNode::asString))
                .anyMatch(outcome -> outcome.contains("Product Backlog"));
        assertThat(get("/api/courses/psm").get("certification").get("name").asString()).isEqualTo("PSM I");
        JsonNode inHouse = get("/api/courses/in-house");
        assertThat(inHouse.get("deliveryModes").valueStream().map(JsonNode::asString))
                .containsExactly("ONLINE", "ONSITE", "BLENDED");
        assertThat(get("/api/courses/cpd-membership").get("kind").asString()).isEqualTo("MEMBERSHIP");

        JsonNode scrumMasters = get("/api/courses?role=SCRUM_MASTER");
        assertThat(scrumMasters.get("items").valueStream().map(course -> course.get("slug").asString()))
                .contains("psm").doesNotContain("pspo");
    }

    @Test
    void theSeededRunsAreUpcomingTwoDayCoursesShownInTheirOwnZoneAndInUtc() {
        JsonNode runs = get("/api/runs?course=pspo&size=100");
        assertThat(runs.get("totalItems").asLong()).isGreaterThanOrEqualTo(4);
        for (JsonNode run : runs.get("items")) {
            assertThat(run.get("courseSlug").asString()).isEqualTo("pspo");
            LocalDateTime start = LocalDateTime.parse(run.get("start").asString());
            ZoneId zone = ZoneId.of(run.get("timeZone").asString());
            assertThat(Instant.parse(run.get("startUtc").asString())).isEqualTo(start.atZone(zone).toInstant());
            assertThat(Instant.parse(run.get("startUtc").asString())).isAfter(Instant.now());
        }
        JsonNode seeded = runs.get("items").valueStream()
                .filter(run -> run.get("start").asString().endsWith("T09:00")
                        && run.get("end").asString().endsWith("T17:00")
                        && run.get("minCapacity").asInt() == 4 && run.get("maxCapacity").asInt() == 16)
                .findFirst().orElseThrow();
        assertThat(LocalDate.parse(seeded.get("end").asString().substring(0, 10)))
                .isEqualTo(LocalDate.parse(seeded.get("start").asString().substring(0, 10)).plusDays(1));

        JsonNode onsite = get("/api/runs?deliveryMode=ONSITE&role=SCRUM_MASTER&size=100");
        assertThat(onsite.get("items").valueStream()).isNotEmpty().allSatisfy(run -> {
            assertThat(run.get("deliveryMode").asString()).isEqualTo("ONSITE");
            assertThat(run.get("courseSlug").asString()).isEqualTo("psm");
            assertThat(run.get("venue").get("city").asString()).isIn("London", "Amsterdam");
        });

        JsonNode firstOnly = get("/api/runs?course=pspo&size=1&page=0");
        assertThat(firstOnly.get("items").size()).isEqualTo(1);
        assertThat(firstOnly.get("totalPages").asInt()).isEqualTo(firstOnly.get("totalItems").asInt());

        LocalDate farFuture = LocalDate.now(ZoneOffset.UTC).plusYears(5);
        assertThat(get("/api/runs?from=" + farFuture).get("items").size()).isZero();
        String firstDay = runs.get("items").get(0).get("startUtc").asString().substring(0, 10);
        assertThat(get("/api/runs?course=pspo&from=" + firstDay + "&to=" + firstDay).get("items").valueStream())
                .isNotEmpty().allSatisfy(run -> assertThat(run.get("startUtc").asString()).startsWith(firstDay));
    }

    @Test
    void anUnchangedResourceAnswers304ToItsETag() {
        var first = http.get().uri("/api/courses/pspo").exchange().expectStatus().isOk()
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("max-age="))
                .expectBody(String.class).returnResult();
        String etag = first.getResponseHeaders().getETag();
        http.get().uri("/api/courses/pspo").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isEqualTo(HttpStatus.NOT_MODIFIED)
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        http.get().uri("/api/courses/pspo").header(HttpHeaders.IF_NONE_MATCH, "\"something-else\"").exchange()
                .expectStatus().isOk();

        String listTag = http.get().uri("/api/runs?course=psm").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseHeaders().getETag();
        http.get().uri("/api/runs?course=psm").header(HttpHeaders.IF_NONE_MATCH, listTag).exchange()
                .expectStatus().isEqualTo(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void theRoleFitGuideRecommendsFromTheAnswers() {
        JsonNode productOwner = get("/api/guide/role-fit?shapesDirection=true");
        assertThat(slugs(productOwner)).containsExactly("pspo");
        assertThat(productOwner.get("recommendations").get(0).get("reason").asString())
                .contains("shape direction");
        assertThat(slugs(get("/api/guide/role-fit?facilitates=true&shapesDirection=false"))).containsExactly("psm");
        assertThat(slugs(get("/api/guide/role-fit?shapesDirection=true&facilitates=true")))
                .containsExactly("pspo", "psm");
        assertThat(slugs(get("/api/guide/role-fit?wholeTeam=true"))).containsExactly("in-house");
        assertThat(get("/api/guide/role-fit").get("summary").asString()).contains("both roles together");
    }

    @Test
    void badQueryParametersAnswer400NamingEachOne() {
        assertThat(fields(problem("/api/runs?deliveryMode=SPACESHIP&from=yesterday")))
                .containsExactlyInAnyOrder("deliveryMode", "from");
        assertThat(fields(problem("/api/runs?size=1000&page=-1"))).containsExactlyInAnyOrder("size", "page");
        assertThat(fields(problem("/api/runs?from=2030-01-10&to=2030-01-01"))).containsExactly("to");
        assertThat(fields(problem("/api/courses?role=CEO"))).containsExactly("role");
        assertThat(fields(problem("/api/guide/role-fit?wholeTeam=perhaps"))).containsExactly("wholeTeam");
        http.get().uri("/api/courses/no-such-course").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private JsonNode get(String uri) {
        return parse(http.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode problem(String uri) {
        return parse(http.get().uri(uri).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static List<String> slugs(JsonNode recommendation) {
        return recommendation.get("recommendations").valueStream()
                .map(choice -> choice.get("courseSlug").asString()).toList();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }
}
