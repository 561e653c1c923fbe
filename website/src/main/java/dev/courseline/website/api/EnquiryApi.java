package dev.courseline.website.api;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * Intake and enrolments. Each submission carries the rendered form's Idempotency-Key, so a double click or a resent
 * form is one request, and the visitor's address, so the service's per-client limits see the person, not this site.
 */
public class EnquiryApi {

    private static final String SERVICE = "enquiry";

    private final WebClient client;
    private final SharedCache cache;

    public EnquiryApi(WebClient client, SharedCache cache) {
        this.client = client;
        this.cache = cache;
    }

    public Mono<AcceptedEnquiry> requestQuote(Object request, String idempotencyKey, String clientAddress,
            FormSignals form) {
        return post("/api/enquiries/in-house-quotes", request, idempotencyKey, clientAddress, form,
                AcceptedEnquiry.class);
    }

    public Mono<AcceptedEnquiry> requestMembership(Object request, String idempotencyKey, String clientAddress,
            FormSignals form) {
        return post("/api/enquiries/memberships", request, idempotencyKey, clientAddress, form,
                AcceptedEnquiry.class);
    }

    public Mono<Enrolment> enrol(Object request, String idempotencyKey, String clientAddress, FormSignals form) {
        return post("/api/enrolments", request, idempotencyKey, clientAddress, form, Enrolment.class);
    }

    public Mono<Enrolment> enrolment(String id) {
        return call(client.get().uri("/api/enrolments/{id}", id), Enrolment.class);
    }

    /** The learner's own cancellation; an unknown id or a wrong token is {@link ApiException.NotFound}. */
    public Mono<Enrolment> cancel(String id, String token, String clientAddress) {
        return call(client.post().uri(uri -> uri.path("/api/enrolments/{id}/cancellation")
                .queryParam("token", "{token}").build(id, token))
                .header("X-Forwarded-For", clientAddress), Enrolment.class);
    }

    public Mono<EnquiryStatus> enquiry(String id) {
        return call(client.get().uri("/api/enquiries/{id}", id), EnquiryStatus.class);
    }

    /** Seats left are public and briefly cacheable (the service says for how long). */
    public Mono<Seats> seats(String runId) {
        String path = UriComponentsBuilder.fromPath("/api/runs/{id}/seats").buildAndExpand(runId).encode()
                .toUriString();
        return ApiCalls.exchangeCached(client.get().uri(path), Seats.class, SERVICE, cache, SERVICE + path);
    }

    /** The form's honeypot and stamp go as headers, so the request bodies stay the API's own. */
    private <T> Mono<T> post(String path, Object body, String idempotencyKey, String clientAddress, FormSignals form,
            Class<T> type) {
        return call(client.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .header("X-Forwarded-For", clientAddress)
                .headers(headers -> {
                    if (form.honeypot() != null && !form.honeypot().isEmpty()) {
                        headers.set("X-Form-Honeypot", form.honeypot());
                    }
                    if (form.stamp() != null) {
                        headers.set("X-Form-Stamp", form.stamp());
                    }
                })
                .bodyValue(body), type);
    }

    private static <T> Mono<T> call(WebClient.RequestHeadersSpec<?> request, Class<T> type) {
        return ApiCalls.exchange(request, type, SERVICE);
    }
}
