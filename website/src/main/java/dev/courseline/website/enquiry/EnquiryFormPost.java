package dev.courseline.website.enquiry;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.AcceptedEnquiry;
import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.FormSignals;
import dev.courseline.website.web.ClientAddress;
import dev.courseline.website.web.FormErrors;
import dev.courseline.website.web.FormGuard;

/**
 * Posting an enquiry form (Post/Redirect/Get): an accepted enquiry redirects to its thank-you page; a refusal shows
 * the form again as typed, a rate limit on top and each bad field's message next to that field.
 */
final class EnquiryFormPost {

    /** Sends the form's request to the enquiry service, from the visitor's address with the form's signals. */
    interface Send {
        Mono<AcceptedEnquiry> send(String clientAddress, FormSignals signals);
    }

    /** The form's page, as typed, with these errors and this status. */
    interface Page {
        Rendering render(FormErrors errors, HttpStatus status);
    }

    private EnquiryFormPost() {
    }

    static Mono<Rendering> submit(FormGuard guard, ServerWebExchange exchange, Send send, Page page,
            Map<String, String> fields, Map<String, String> labels) {
        return guard.signals(exchange)
                .flatMap(signals -> send.send(ClientAddress.of(exchange.getRequest()), signals))
                .map(accepted -> Rendering.redirectTo("/enquiries/" + accepted.enquiryId()).build())
                .onErrorResume(ApiException.TooManyRequests.class, e -> Mono.just(page.render(
                        FormErrors.single(null, "", e.getMessage()), HttpStatus.TOO_MANY_REQUESTS)))
                .onErrorResume(ApiException.InvalidInput.class, e -> Mono.just(page.render(
                        FormErrors.of(e.errors(), fields, labels), HttpStatus.BAD_REQUEST)));
    }
}
