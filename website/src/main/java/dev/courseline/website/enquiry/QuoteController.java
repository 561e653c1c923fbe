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

/** "Request a tailored quote": the in-house training form, then the enquiry's thank-you page (Post/Redirect/Get). */
@Controller
class QuoteController {

    private final EnquiryApi enquiries;
    private final WebsiteProperties properties;
    private final FormGuard guard;

    QuoteController(EnquiryApi enquiries, WebsiteProperties properties, FormGuard guard) {
        this.enquiries = enquiries;
        this.properties = properties;
        this.guard = guard;
    }

    @GetMapping("/in-house")
    Rendering form() {
        return page(QuoteForm.blank(UUID.randomUUID().toString()), FormErrors.none(), HttpStatus.OK);
    }

    @PostMapping("/in-house")
    Mono<Rendering> request(@ModelAttribute QuoteForm form, ServerWebExchange exchange) {
        return EnquiryFormPost.submit(guard, exchange,
                (address, signals) -> enquiries.requestQuote(QuoteRequest.of(form, properties.privacyNoticeVersion()),
                        form.idempotencyKey(), address, signals),
                (errors, status) -> page(form, errors, status), QuoteForm.FIELDS, QuoteForm.LABELS);
    }

    private Rendering page(QuoteForm form, FormErrors errors, HttpStatus status) {
        return Rendering.view("in-house").status(status).modelAttribute("form", form)
                .modelAttribute("errors", errors)
                .modelAttribute("countries", Countries.all()).modelAttribute("currencies", Countries.CURRENCIES)
                .modelAttribute("privacyNoticeVersion", properties.privacyNoticeVersion()).build();
    }
}
