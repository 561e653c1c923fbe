package dev.courseline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fresh runs planned through the catalogue's staff API as a catalogue manager plans them: a draft, then scheduled,
 * which is what makes the catalogue announce the run and the enquiry service open it for enrolment.
 */
final class CatalogueRuns {

    /** The development identity provider's admin: ADMIN, like CATALOGUE_MANAGER, may plan and schedule runs. */
    private static final String STAFF = "ada";

    private static final String RUN = """
            {"courseSlug":"%s","start":"%s","end":"%s","timeZone":"Europe/London","deliveryMode":"ONLINE",
             "minCapacity":1,"maxCapacity":%d,"price":{"amount":"1195.00","currency":"GBP"}}""";

    private final HttpClient client;
    private final JsonMapper json;
    private final String catalogueUrl;
    private final String course;
    private final String token;

    CatalogueRuns(EnrolmentSettings settings, HttpClient client, JsonMapper json) throws Exception {
        this.client = client;
        this.json = json;
        this.catalogueUrl = settings.catalogueUrl();
        this.course = settings.course();
        // Valid for an hour: far longer than a run of this benchmark.
        this.token = answer(HttpRequest.newBuilder(URI.create(settings.identityUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + STAFF)).build(), 200)
                .path("access_token").asString();
    }

    /** Plans and schedules a run with {@code seats} seats; returns its id. */
    String scheduledRun(int seats) throws Exception {
        // Months ahead, so the run is open for enrolment whatever the zone, and at the end of the soonest-first list.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(300);
        JsonNode draft = answer(staff("/api/admin/runs",
                RUN.formatted(course, day.atTime(9, 0), day.atTime(17, 0), seats)), 201);
        String id = draft.path("id").asString();
        answer(staff("/api/admin/runs/" + id + "/schedule", "{\"version\":" + draft.path("version").asLong() + "}"),
                200);
        return id;
    }

    private HttpRequest staff(String path, String body) {
        return HttpRequest.newBuilder(URI.create(catalogueUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private JsonNode answer(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
