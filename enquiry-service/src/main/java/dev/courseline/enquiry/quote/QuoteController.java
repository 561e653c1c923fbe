package dev.courseline.enquiry.quote;

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
import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.metrics.IntakeMetrics;
import dev.courseline.enquiry.web.RequestValidator;

@RestController
public class QuoteController {

    private final QuoteIntake intake;
    private final EnquiryProperties properties;
    private final IntakeMetrics metrics;
    private final ClientAddresses addresses;

    public QuoteController(QuoteIntake intake, EnquiryProperties properties, IntakeMetrics metrics,
            ClientAddresses addresses) {
        this.intake = intake;
        this.properties = properties;
        this.metrics = metrics;
        this.addresses = addresses;
    }

    @PostMapping("/api/enquiries/in-house-quotes")
    public Mono<ResponseEntity<AcceptedEnquiry>> request(@RequestBody(required = false) QuoteRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            ServerHttpRequest http) {
        return metrics.counted(EnquiryKind.QUOTE, Mono.defer(() -> intake.submit(request,
                RequestValidator.idempotencyKey(idempotencyKey), ClientSignals.of(http, addresses))))
                .map(result -> Accepted.of(result, properties));
    }
}
