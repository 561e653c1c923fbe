package dev.courseline.enquiry.membership;

import java.time.Clock;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.abuse.ClientAddresses;
import dev.courseline.enquiry.abuse.ClientSignals;
import dev.courseline.enquiry.config.EnquiryProperties;
import dev.courseline.enquiry.intake.Accepted;
import dev.courseline.enquiry.intake.AcceptedEnquiry;
import dev.courseline.enquiry.intake.Announcement;
import dev.courseline.enquiry.intake.EnquiryDraft;
import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.intake.IntakeService;
import dev.courseline.enquiry.metrics.IntakeMetrics;
import dev.courseline.enquiry.web.RequestValidator;

@RestController
public class MembershipController {

    private static final Announcement ANNOUNCEMENT = new Announcement(MembershipRequested.TYPE,
            MembershipRequested::of);

    private final RequestValidator validator;
    private final IntakeService intake;
    private final EnquiryProperties properties;
    private final ClientAddresses addresses;
    private final Clock clock;
    private final IntakeMetrics metrics;

    public MembershipController(RequestValidator validator, IntakeService intake, EnquiryProperties properties,
            ClientAddresses addresses, Clock clock, IntakeMetrics metrics) {
        this.addresses = addresses;
        this.validator = validator;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    @PostMapping("/api/enquiries/memberships")
    public Mono<ResponseEntity<AcceptedEnquiry>> request(@RequestBody(required = false) MembershipRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            ServerHttpRequest http) {
        return metrics.counted(EnquiryKind.MEMBERSHIP, Mono.defer(() -> {
            String key = RequestValidator.idempotencyKey(idempotencyKey);
            RequestValidator.throwIfAny(validator.violations(request));
            return intake.accept(draft(request), key, ANNOUNCEMENT, ClientSignals.of(http, addresses), request);
        })).map(result -> Accepted.of(result, properties));
    }

    private EnquiryDraft draft(MembershipRequest request) {
        String plan = request.plan().strip();
        String message = request.message() == null || request.message().isBlank() ? null : request.message().strip();
        return new EnquiryDraft(EnquiryKind.MEMBERSHIP, request.contact().toContact(), null, null, null, null, null,
                null, null, plan, message, request.consent().toConsent(clock.instant()),
                "MEMBERSHIP:" + plan.toLowerCase(Locale.ROOT), "Membership request (plan: " + plan + ")");
    }
}
