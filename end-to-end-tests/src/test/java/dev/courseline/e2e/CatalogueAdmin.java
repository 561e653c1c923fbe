package dev.courseline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.localstack.LocalStack;

/** A catalogue manager (cora, from the development identity provider) planning runs through the admin API. */
final class CatalogueAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String catalogueUrl;
    private final String token;

    private CatalogueAdmin(String catalogueUrl, String token) {
        this.catalogueUrl = catalogueUrl;
        this.token = token;
    }

    /** Signs in as cora the way the README shows: {@code POST {issuer}/token} with {@code username=cora}. */
    static CatalogueAdmin asCora(CourselineSystem system) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.current().issuerUri() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=cora")).build();
        JsonNode answer = expect(200, request);
        return new CatalogueAdmin(system.url("catalogue", ""), answer.path("access_token").asString());
    }

    /** A two-day online run of {@code courseSlug} with {@code seats} seats, scheduled (public); answers its id. */
    String scheduleOnlineRun(String courseSlug, int seats, LocalDate firstDay) {
        Map<String, Object> plan = Map.of(
                "courseSlug", courseSlug,
                "start", firstDay.atTime(9, 0).toString(),
                "end", firstDay.plusDays(1).atTime(17, 0).toString(),
                "timeZone", "Europe/London",
                "deliveryMode", "ONLINE",
                "minCapacity", 1,
                "maxCapacity", seats,
                "price", Map.of("amount", "1195.00", "currency", "GBP"));
        JsonNode draft = expect(201, post("/api/admin/runs", plan));
        String id = draft.path("id").asString();
        expect(200, post("/api/admin/runs/" + id + "/schedule", Map.of("version", draft.path("version").asLong())));
        return id;
    }

    private HttpRequest post(String path, Object body) {
        return HttpRequest.newBuilder(URI.create(catalogueUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static JsonNode expect(int status, HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ", not " + status + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
