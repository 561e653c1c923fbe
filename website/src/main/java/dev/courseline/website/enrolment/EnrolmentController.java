package dev.courseline.website.enrolment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.CatalogueApi;
import dev.courseline.website.api.EnquiryApi;
import dev.courseline.website.api.Run;
import dev.courseline.website.api.Seats;
import dev.courseline.website.config.WebsiteProperties;
import dev.courseline.website.course.RunCard;
import dev.courseline.website.web.ClientAddress;
import dev.courseline.website.web.FormErrors;
import dev.courseline.website.web.FormGuard;
import dev.courseline.website.web.PageNotFound;

/**
 * Enrolling on a run, the result, and the learner's own page behind the email's link: status, calendar file and a
 * cancellation that takes a confirmation step and a POST (a GET never cancels anything).
 */
@Controller
class EnrolmentController {

    /** The enquiry service's problem title when a run's waitlist has no place left. */
    static final String WAITLIST_FULL = "Waitlist full";

    private final CatalogueApi catalogue;
    private final EnquiryApi enquiries;
    private final WebsiteProperties properties;
    private final FormGuard guard;
    private final Clock clock;

    EnrolmentController(CatalogueApi catalogue, EnquiryApi enquiries, WebsiteProperties properties, FormGuard guard,
            Clock clock) {
        this.guard = guard;
        this.catalogue = catalogue;
        this.enquiries = enquiries;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/runs/{runId}/enrol")
    Mono<Rendering> form(@PathVariable String runId) {
        return formPage(runId, EnrolmentForm.blank(UUID.randomUUID().toString()), FormErrors.none(), HttpStatus.OK);
    }

    @PostMapping("/runs/{runId}/enrol")
    Mono<Rendering> enrol(@PathVariable String runId, @ModelAttribute EnrolmentForm form,
            ServerWebExchange exchange) {
        EnrolmentRequest body = EnrolmentRequest.of(runId, form, properties.privacyNoticeVersion());
        return guard.signals(exchange).flatMap(signals -> enquiries.enrol(body, form.idempotencyKey(),
                ClientAddress.of(exchange.getRequest()), signals))
                .map(enrolled -> Rendering.redirectTo("/enrolments/" + enrolled.enrolmentId()).build())
                .onErrorResume(ApiException.InvalidInput.class, e -> formPage(runId, form,
                        FormErrors.of(e.errors(), EnrolmentForm.FIELDS, EnrolmentForm.LABELS), HttpStatus.BAD_REQUEST))
                .onErrorResume(ApiException.TooManyRequests.class, e -> formPage(runId, form,
                        FormErrors.single(null, "", e.getMessage()), HttpStatus.TOO_MANY_REQUESTS))
                // A full waitlist is about the date, not about what was typed: said for the form as a whole.
                .onErrorResume(ApiException.Conflict.class, e -> formPage(runId, form,
                        WAITLIST_FULL.equals(e.title())
                                ? FormErrors.single(null, "", e.getMessage())
                                : FormErrors.single("email", "Email", e.getMessage()),
                        HttpStatus.CONFLICT));
    }

    private Mono<Rendering> formPage(String runId, EnrolmentForm form, FormErrors errors, HttpStatus status) {
        return catalogue.run(runId).flatMap(run -> seats(run)
                .map(seats -> RunCard.of(run, seats, clock)).defaultIfEmpty(RunCard.of(run, null, clock))
                .map(card -> Rendering.view("enrol").status(status)
                        .modelAttribute("run", card).modelAttribute("form", form).modelAttribute("errors", errors)
                        .modelAttribute("privacyNoticeVersion", properties.privacyNoticeVersion())
                        .build()))
                .onErrorMap(ApiException.NotFound.class, e -> new PageNotFound("No public run " + runId,
                        "This date is not offered any more. The course page lists the dates you can enrol on."));
    }

    private Mono<Seats> seats(Run run) {
        return enquiries.seats(run.id()).onErrorResume(ApiException.class, e -> Mono.empty());
    }

    /** The result page after enrolling, and the learner's own page when opened from the email (with its token). */
    @GetMapping("/enrolments/{id}")
    Mono<Rendering> enrolment(@PathVariable String id, @RequestParam(required = false) String token,
            @RequestParam MultiValueMap<String, String> query) {
        return enquiries.enrolment(id).onErrorMap(ApiException.NotFound.class, EnrolmentController::unknownLink)
                .map(enrolment -> Rendering.view("enrolment")
                        .modelAttribute("enrolment", enrolment)
                        .modelAttribute("view", EnrolmentView.of(enrolment))
                        .modelAttribute("token", token)
                        .modelAttribute("justCancelled", query.containsKey("cancelled"))
                        .build());
    }

    @GetMapping("/enrolments/{id}/cancel")
    Mono<Rendering> confirmCancel(@PathVariable String id, @RequestParam(required = false) String token) {
        if (token == null || token.isBlank()) {
            return Mono.error(new PageNotFound("A cancellation link without its token"));
        }
        return enquiries.enrolment(id).onErrorMap(ApiException.NotFound.class, EnrolmentController::unknownLink)
                .map(enrolment -> enrolment.isCancelled()
                        ? Rendering.redirectTo("/enrolments/" + id + "?cancelled").build()
                        : Rendering.view("cancel").modelAttribute("enrolment", enrolment)
                                .modelAttribute("view", EnrolmentView.of(enrolment)).modelAttribute("token", token)
                                .build());
    }

    @PostMapping("/enrolments/{id}/cancel")
    Mono<Rendering> cancel(@PathVariable String id, @ModelAttribute CancelForm form, ServerHttpRequest request) {
        if (form.token() == null || form.token().isBlank()) {
            return Mono.error(new PageNotFound("A cancellation without its token"));
        }
        return enquiries.cancel(id, form.token(), ClientAddress.of(request))
                .onErrorMap(ApiException.NotFound.class, EnrolmentController::unknownLink)
                .map(cancelled -> Rendering.redirectTo("/enrolments/" + id + "?cancelled").build());
    }

    @GetMapping("/enrolments/{id}/calendar.ics")
    Mono<ResponseEntity<String>> calendar(@PathVariable String id) {
        String page = properties.publicUrl().toString().replaceAll("/+$", "") + "/enrolments/" + id;
        return enquiries.enrolment(id).map(enrolment -> ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(enrolment.run().courseSlug() + "-" + enrolment.run().start().toLocalDate() + ".ics")
                        .build().toString())
                .body(CalendarFile.of(enrolment, page, clock.instant())));
    }

    private static PageNotFound unknownLink(ApiException.NotFound e) {
        return new PageNotFound(e.getMessage(), "This enrolment link is not valid. Please use the latest link we "
                + "emailed you; if it still does not work, reply to that email and we will help.");
    }

    record CancelForm(String token) {
    }
}
