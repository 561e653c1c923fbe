package dev.courseline.website.enquiry;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.EnquiryApi;
import dev.courseline.website.api.EnquiryStatus;

/** The thank-you page after a request, and the status page the acknowledgement email links to. */
@Controller
class EnquiryStatusController {

    /** Deadlines are written in the provider's own zone, as the acknowledgement email writes them. */
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy 'at' HH:mm zzz", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private final EnquiryApi enquiries;

    EnquiryStatusController(EnquiryApi enquiries) {
        this.enquiries = enquiries;
    }

    @GetMapping("/enquiries/{id}")
    Mono<Rendering> status(@PathVariable String id) {
        return enquiries.enquiry(id).map(enquiry -> Rendering.view("enquiry")
                .modelAttribute("enquiry", enquiry)
                .modelAttribute("kindLabel", "MEMBERSHIP".equals(enquiry.kind())
                        ? "membership request"
                        : "request for a tailored in-house quote")
                .modelAttribute("statusLabel", statusLabel(enquiry))
                .modelAttribute("respondBy", enquiry.respondBy() == null ? null : DEADLINE.format(enquiry.respondBy()))
                .build());
    }

    static String statusLabel(EnquiryStatus enquiry) {
        return switch (enquiry.status() == null ? "" : enquiry.status()) {
            case "NEW" -> "Received: it is with our sales team";
            case "CONTACTED" -> "We have been in touch";
            case "QUOTED" -> "We have sent you a quote";
            case "WON" -> "Agreed: thank you";
            case "LOST" -> "Closed";
            case "DUPLICATE" -> "Received again: we already have your earlier request and are working on it";
            default -> "Received";
        };
    }
}
