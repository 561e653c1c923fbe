package dev.courseline.faults;

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
 * What staff do around a scenario: a catalogue manager plans and schedules a run (which the catalogue announces and
 * the enquiry service opens for enrolment), and reads its roster; an admin reads the dead letters and the delivery log.
 */
final class StaffApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String RUN = """
            {"courseSlug":"psm","start":"%s","end":"%s","timeZone":"Europe/London","deliveryMode":"ONLINE",
             "minCapacity":1,"maxCapacity":%d,"price":{"amount":"1195.00","currency":"GBP"}}""";

    private final FaultSystem system;
    private final String token;

    StaffApi(FaultSystem system) {
        this.system = system;
        // ada is the development identity provider's admin: she may plan runs and read rosters.
        this.token = system.stack().tokenFor("ada");
    }

    /** Plans and schedules a run with {@code seats} seats; returns its id once enrolment knows it. */
    String scheduledRun(int seats, int daysAhead) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(daysAhead);
        JsonNode draft = send("catalogue", "/api/admin/runs",
                RUN.formatted(day.atTime(9, 0), day.atTime(17, 0), seats), 201);
        String id = draft.path("id").asString();
        send("catalogue", "/api/admin/runs/" + id + "/schedule", "{\"version\":" + draft.path("version").asLong() + "}",
                200);
        return id;
    }

    /** The run's roster as the console shows it; null while enrolment does not know the run. */
    JsonNode roster(String runId) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(system.url("enquiry",
                "/api/enrolments?runId=" + runId))).header("Authorization", "Bearer " + token).GET());
        return response != null && response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** The service's dead letters as its admins list them ({@code GET /api/dead-letters}); null when it does not answer. */
    JsonNode deadLetters(String service) {
        return get(service, "/api/dead-letters?limit=500");
    }

    /** A page of the delivery log ({@code GET /api/notifications}), newest first; null when it does not answer. */
    JsonNode notifications(String status, int page) {
        return get("notification", "/api/notifications?status=" + status + "&page=" + page + "&size=100");
    }

    /** One notification with its attempts and last error; null when it does not answer. */
    JsonNode notification(String id) {
        return get("notification", "/api/notifications/" + id);
    }

    private JsonNode get(String service, String path) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(system.url(service, path)))
                .header("Authorization", "Bearer " + token).GET());
        return response != null && response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private JsonNode send(String service, String path, String body, int expected) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(system.url(service, path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response == null || response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered "
                    + (response == null ? "nothing" : response.statusCode() + ": " + response.body()));
        }
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
