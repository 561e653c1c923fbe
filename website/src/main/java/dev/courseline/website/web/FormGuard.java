package dev.courseline.website.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.FormSignals;

/**
 * What lets the enquiry service tell a person's form from a script's: a honeypot field people never see (named
 * {@value #HONEYPOT}) and the form's render time, signed ({@code <epoch millis>.<base64url HMAC-SHA256>}), in
 * {@value #STAMP}. Neither refuses anything here: the service quarantines what looks scripted.
 */
@Component
public class FormGuard {

    public static final String HONEYPOT = "homepage";
    public static final String STAMP = "formStamp";

    private final FormGuardProperties properties;
    private final Clock clock;

    public FormGuard(FormGuardProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A stamp for a form rendered now. */
    public String stamp() {
        String millis = Long.toString(clock.millis());
        return millis + "." + sign(millis);
    }

    /** The honeypot and the stamp as the visitor's browser sent them back with the form. */
    public Mono<FormSignals> signals(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> new FormSignals(form.getFirst(HONEYPOT), form.getFirst(STAMP)))
                .defaultIfEmpty(FormSignals.NONE);
    }

    private String sign(String millis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.stampSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(millis.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
