package dev.courseline.website.api.staff;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiCalls;
import dev.courseline.website.api.Run;
import dev.courseline.website.api.Versioned;

/**
 * The services' staff APIs, called with the signed-in member's own access token (relayed by the client's filter),
 * so each service decides by the member's roles what they may see and do.
 */
public class StaffApi {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<StaffCourse>> COURSES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Suspect>> SUSPECTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<DeadLetter>> DEAD_LETTERS = new ParameterizedTypeReference<>() {
    };

    private final WebClient enquiry;
    private final WebClient catalogue;
    private final WebClient notification;

    public StaffApi(WebClient enquiry, WebClient catalogue, WebClient notification) {
        this.enquiry = enquiry;
        this.catalogue = catalogue;
        this.notification = notification;
    }

    public Mono<LeadPage> leads(Function<UriBuilder, URI> query) {
        return ApiCalls.exchange(enquiry.get().uri(query), LeadPage.class, "enquiry");
    }

    /** A lead with its version, which a change sends back so that the service refuses it if someone was quicker. */
    public Mono<Versioned<Lead>> lead(String id) {
        return ApiCalls.exchangeVersioned(enquiry.get().uri("/api/leads/{id}", id), Lead.class, "enquiry");
    }

    public Mono<Lead> changeStatus(String id, String status, String note, String basedOn) {
        return ApiCalls.exchange(ifMatch(enquiry.post().uri("/api/leads/{id}/status", id), basedOn)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", status == null ? "" : status, "note", note == null ? "" : note)),
                Lead.class, "enquiry");
    }

    public Mono<Lead> reassign(String id, String team, String reason, String basedOn) {
        return ApiCalls.exchange(ifMatch(enquiry.post().uri("/api/leads/{id}/assignment", id), basedOn)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("team", team == null ? "" : team, "reason", reason == null ? "" : reason)),
                Lead.class, "enquiry");
    }

    private static WebClient.RequestBodySpec ifMatch(WebClient.RequestBodySpec request, String version) {
        return version == null || version.isBlank() ? request : request.header(HttpHeaders.IF_MATCH, version);
    }

    public Mono<Erasure> erase(String email) {
        return ApiCalls.exchange(enquiry.post().uri("/api/admin/erasures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email == null ? "" : email)), Erasure.class, "enquiry");
    }

    public Mono<NotificationPage> notifications(Function<UriBuilder, URI> query) {
        return ApiCalls.exchange(notification.get().uri(query), NotificationPage.class, "notification");
    }

    public Mono<Notification> retryNotification(String id) {
        return ApiCalls.exchange(notification.post().uri("/api/notifications/{id}/retry", id), Notification.class,
                "notification");
    }

    /** A run as the catalogue's staff API shows it, with the version an edit must be based on. */
    public Mono<Run> adminRun(String id) {
        return ApiCalls.exchange(catalogue.get().uri("/api/admin/runs/{id}", id), Run.class, "catalogue");
    }

    public Mono<Map<String, Object>> createRun(Map<String, Object> run) {
        return ApiCalls.exchange(catalogue.post().uri("/api/admin/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(run), JSON, "catalogue");
    }

    /** A lifecycle action on a run: {@code schedule}, {@code confirm}, {@code complete} or {@code cancel}. */
    public Mono<Map<String, Object>> runAction(String id, String action, long version) {
        return ApiCalls.exchange(catalogue.post().uri("/api/admin/runs/{id}/{action}", id, action)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("version", version)), JSON, "catalogue");
    }

    public Mono<List<StaffCourse>> courses() {
        return ApiCalls.exchange(catalogue.get().uri("/api/admin/courses"), COURSES, "catalogue");
    }

    public Mono<StaffCourse> course(String slug) {
        return ApiCalls.exchange(catalogue.get().uri("/api/admin/courses/{slug}", slug), StaffCourse.class,
                "catalogue");
    }

    public Mono<StaffCourse> createCourse(Map<String, Object> course) {
        return ApiCalls.exchange(catalogue.post().uri("/api/admin/courses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(course), StaffCourse.class, "catalogue");
    }

    /** {@code course} carries the version the edit is based on; the catalogue refuses it if that is not current. */
    public Mono<StaffCourse> editCourse(String slug, Map<String, Object> course) {
        return ApiCalls.exchange(catalogue.put().uri("/api/admin/courses/{slug}", slug)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(course), StaffCourse.class, "catalogue");
    }

    /** {@code publish} or {@code withdraw}. */
    public Mono<StaffCourse> courseAction(String slug, String action, long version) {
        return ApiCalls.exchange(catalogue.post().uri("/api/admin/courses/{slug}/{action}", slug, action)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("version", version)), StaffCourse.class,
                "catalogue");
    }

    /** New dates for a run; times are local to {@code timeZone}, as typed. */
    public Mono<Map<String, Object>> reschedule(String id, Map<String, Object> dates) {
        return ApiCalls.exchange(catalogue.put().uri("/api/admin/runs/{id}/dates", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(dates), JSON, "catalogue");
    }

    public Mono<RunRoster> roster(String runId) {
        return ApiCalls.exchange(enquiry.get().uri(uri -> uri.path("/api/enrolments").queryParam("runId", runId)
                .build()), RunRoster.class, "enquiry");
    }

    public Mono<List<Suspect>> quarantine() {
        return ApiCalls.exchange(enquiry.get().uri("/api/quarantine"), SUSPECTS, "enquiry");
    }

    /** {@code release} (the lead and its emails go out) or {@code discard} (nothing ever goes out). */
    public Mono<Suspect> decide(String enquiryId, String decision) {
        return ApiCalls.exchange(enquiry.post().uri("/api/quarantine/{id}/{decision}", enquiryId, decision),
                Suspect.class, "enquiry");
    }

    /** The dead letters of a consuming service: {@code enquiry} or {@code notification}. */
    public Mono<List<DeadLetter>> deadLetters(String service) {
        return ApiCalls.exchange(client(service).get().uri("/api/dead-letters"), DEAD_LETTERS, service);
    }

    public Mono<DeadLetter> replay(String service, String id) {
        return ApiCalls.exchange(client(service).post().uri("/api/dead-letters/{id}/replay", id), DeadLetter.class,
                service);
    }

    /** A service's own metrics page ({@code catalogue}, {@code enquiry} or {@code notification}), read as text. */
    public Mono<MetricSamples> metrics(String service) {
        return ApiCalls.exchange(client(service).get().uri("/actuator/prometheus"), String.class, service)
                .map(MetricSamples::parse);
    }

    /** Whether the service says it is ready to take traffic. */
    public Mono<Boolean> ready(String service) {
        return client(service).get().uri("/actuator/health/readiness")
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()))
                .onErrorReturn(false);
    }

    private WebClient client(String service) {
        return switch (service) {
            case "catalogue" -> catalogue;
            case "enquiry" -> enquiry;
            case "notification" -> notification;
            default -> throw new IllegalArgumentException("No service " + service);
        };
    }

    /** Capacities go as typed (a number, or the text typed); the catalogue refuses a bad one by name. */
    record CapacityChange(Object minCapacity, Object maxCapacity, long version) {
    }

    public Mono<Map<String, Object>> changeCapacity(String id, Object minCapacity, Object maxCapacity,
            long version) {
        return ApiCalls.exchange(catalogue.put().uri("/api/admin/runs/{id}/capacity", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new CapacityChange(minCapacity, maxCapacity, version)),
                JSON, "catalogue");
    }
}
