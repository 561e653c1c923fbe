package dev.courseline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * In-house quote requests as the website posts them, each from a different organisation and email (so none is a
 * duplicate of another), over one shared HTTP/1.1 client.
 */
final class QuoteRequests {

    private static final String TEMPLATE = """
            {"organisation":{"name":"%s","country":"GB"},
             "contact":{"name":"Priya Shah","email":"%s@load.example","phone":"+44 20 7946 0958","jobTitle":"Head of Delivery"},
             "programme":"in-house","teamSize":24,"deliveryMode":"ONSITE","location":"Manchester",
             "preferredDates":"Two days in the second half of January","budget":{"amount":"12000.00","currency":"GBP"},
             "message":"Mixed team of developers and product people, new to Scrum. We would like a tailored two-day programme with exercises on our own backlog, and a follow-up coaching session for the Scrum Masters and Product Owners a month later.",
             "consent":{"privacyNoticeVersion":"2026-09","marketing":false}}""";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI intake;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    QuoteRequests(String enquiryBaseUrl) {
        this.intake = URI.create(enquiryBaseUrl + "/api/enquiries/in-house-quotes");
    }

    /** The organisation name of request number {@code sequence}: how its lead email is found again. */
    String organisation(long sequence) {
        return organisationPrefix() + sequence;
    }

    /** What every organisation name of this run starts with, before its sequence number. */
    String organisationPrefix() {
        return "Load " + run + " Org ";
    }

    boolean send(long sequence) throws Exception {
        return client.send(request(sequence), HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
    }

    CompletableFuture<Boolean> sendAsync(long sequence) {
        return client.sendAsync(request(sequence), HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 202);
    }

    static String body(String organisation, String emailLocalPart) {
        return TEMPLATE.formatted(organisation, emailLocalPart);
    }

    private HttpRequest request(long sequence) {
        String body = body(organisation(sequence), "load-" + run + "-" + sequence);
        return HttpRequest.newBuilder(intake).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", run + "-" + sequence)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
