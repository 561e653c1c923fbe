package dev.courseline.enquiry.enrolment;

import java.net.URI;
import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.abuse.AbuseGuard;
import dev.courseline.enquiry.abuse.ClientAddresses;
import dev.courseline.enquiry.abuse.ClientSignals;
import dev.courseline.enquiry.idempotency.IdempotencyKeys;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.metrics.EnrolmentMetrics;
import dev.courseline.enquiry.store.TimeOrderedIds;
import dev.courseline.enquiry.web.NotFoundException;
import dev.courseline.enquiry.web.RequestValidator;

@RestController
public class EnrolmentController {

    private final Seats seats;
    private final RequestValidator validator;
    private final AbuseGuard guard;
    private final ClientAddresses addresses;
    private final IdempotencyKeys keys;
    private final ActivePlaces activePlaces;
    private final Clock clock;
    private final EnrolmentMetrics metrics;

    public EnrolmentController(Seats seats, RequestValidator validator, AbuseGuard guard, ClientAddresses addresses,
            IdempotencyKeys keys, ActivePlaces activePlaces, Clock clock, EnrolmentMetrics metrics) {
        this.seats = seats;
        this.guard = guard;
        this.addresses = addresses;
        this.keys = keys;
        this.activePlaces = activePlaces;
        this.validator = validator;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** {@code 201} with status CONFIRMED, or WAITLISTED and the position in the queue. */
    @PostMapping("/api/enrolments")
    @ApiResponse(responseCode = "201", description = "Created: a seat (CONFIRMED) or a waitlist place (WAITLISTED); "
            + "a repeated Idempotency-Key with the same body gets the first answer again. The learner's cancellation "
            + "link is only in their email, never in this answer", headers = @Header(name = "Location", description = "The enrolment's status link", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "400", description = "Invalid input: a problem body whose errors name each bad field "
            + "(also a run that is unknown or not open for enrolment, and a bad Idempotency-Key)")
    @ApiResponse(responseCode = "409", description = "This email is already enrolled on this run; or the run's "
            + "waitlist is full (title \"Waitlist full\"); or this email holds the most active enrolments and "
            + "waitlist places one person may (title \"Too many active enrolments\")")
    @ApiResponse(responseCode = "422", description = "This Idempotency-Key was sent earlier with a different body")
    @ApiResponse(responseCode = "429", description = "Too many requests from this client, email or organisation; "
            + "nothing was stored: retry after the seconds in Retry-After", headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")))
    @ApiResponse(responseCode = "503", description = "So many enrolments changed the run at once that this one could "
            + "not be placed; nothing was stored: retry after the seconds in Retry-After", headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")))
    public Mono<ResponseEntity<Enrolled>> enrol(@RequestBody(required = false) EnrolmentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            ServerHttpRequest http) {
        return metrics.counted(Mono.defer(() -> {
            String key = RequestValidator.idempotencyKey(idempotencyKey);
            RequestValidator.throwIfAny(validator.violations(request));
            ClientSignals signals = ClientSignals.of(http, addresses);
            Learner learner = new Learner(request.learner().name().strip(), request.learner().email().strip());
            String organisation = blankToNull(request.organisation());
            String id = TimeOrderedIds.next();
            return guard.screen(signals, learner.email(),
                    organisation == null ? null : Fingerprints.organisationKey(organisation))
                    .flatMap(screening -> keys.claim("ENROLMENT " + signals.address(), key, request, id))
                    .flatMap(claim -> keys.firstOrRepeat(claim,
                            () -> activePlaces.checkRoomFor(Fingerprints.emailSha256(learner.email()))
                                    .then(seats.enrol(request.runId().strip(), learner, organisation,
                                            blankToNull(request.purchaseOrder()),
                                            request.consent().toConsent(clock.instant()), id)),
                            () -> seats.status(claim.resourceId())
                                    .onErrorResume(NotFoundException.class, e -> Mono.empty())));
        })).map(enrolled -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(enrolled.statusLink())).body(enrolled));
    }

    /** Where an enrolment stands: status and waitlist position, no personal data. */
    @GetMapping("/api/enrolments/{id}")
    public Mono<Enrolled> status(@PathVariable String id) {
        return seats.status(id);
    }

    /** The learner's own cancellation; repeating it changes nothing. */
    @PostMapping("/api/enrolments/{id}/cancellation")
    @ApiResponse(responseCode = "200", description = "Cancelled (also when it already was)")
    @ApiResponse(responseCode = "404", description = "No enrolment for this link: an unknown id, or a missing or "
            + "wrong token")
    @ApiResponse(responseCode = "429", description = "Too many requests from this client; retry after the seconds "
            + "in Retry-After")
    public Mono<Enrolled> cancel(@PathVariable String id, @RequestParam(required = false) String token,
            ServerHttpRequest http) {
        return guard.screen(ClientSignals.of(http, addresses), null, null).then(seats.cancel(id, token));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
