package dev.courseline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    private static final int RETRIES = 3;

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

    /** Sends request {@code sequence}; a 429 is sent again after its Retry-After, at most {@value #RETRIES} times. */
    boolean send(long sequence) {
        return sendAsync(sequence).join();
    }

    CompletableFuture<Boolean> sendAsync(long sequence) {
        return sendAsync(sequence, 0);
    }

    private CompletableFuture<Boolean> sendAsync(long sequence, int attempt) {
        return client.sendAsync(request(sequence), HttpResponse.BodyHandlers.discarding())
                .thenCompose(response -> {
                    if (response.statusCode() != 429 || attempt >= RETRIES) {
                        return CompletableFuture.completedFuture(response.statusCode() == 202);
                    }
                    return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(
                            retryAfter(response).toMillis(), TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> sendAsync(sequence, attempt + 1));
                });
    }

    /** The enquiry service's limits answer 429 with Retry-After in seconds (the launcher's --load-test lifts them). */
    private static Duration retryAfter(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(String::strip)
                .filter(value -> value.chars().allMatch(Character::isDigit) && !value.isEmpty())
                .map(Long::parseLong).orElse(1L);
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, 60)));
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
