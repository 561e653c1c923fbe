package dev.courseline.website.enquiry;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.EnquiryApi;
import dev.courseline.website.config.WebsiteProperties;
import dev.courseline.website.web.FormErrors;
import dev.courseline.website.web.FormGuard;

/** "Membership is the next step": the request form, then the enquiry's thank-you page (Post/Redirect/Get). */
@Controller
class MembershipController {

    private final EnquiryApi enquiries;
    private final WebsiteProperties properties;
    private final FormGuard guard;

    MembershipController(EnquiryApi enquiries, WebsiteProperties properties, FormGuard guard) {
        this.enquiries = enquiries;
        this.properties = properties;
        this.guard = guard;
    }

    @GetMapping("/membership")
    Rendering form() {
        return page(MembershipForm.blank(UUID.randomUUID().toString()), FormErrors.none(), HttpStatus.OK);
    }

    @PostMapping("/membership")
    Mono<Rendering> request(@ModelAttribute MembershipForm form, ServerWebExchange exchange) {
        return EnquiryFormPost.submit(guard, exchange,
                (address, signals) -> enquiries.requestMembership(
                        MembershipRequest.of(form, properties.privacyNoticeVersion()),
                        form.idempotencyKey(), address, signals),
                (errors, status) -> page(form, errors, status), MembershipForm.FIELDS, MembershipForm.LABELS);
    }

    private Rendering page(MembershipForm form, FormErrors errors, HttpStatus status) {
        return Rendering.view("membership").status(status).modelAttribute("form", form)
                .modelAttribute("errors", errors)
                .modelAttribute("privacyNoticeVersion", properties.privacyNoticeVersion()).build();
    }
}
