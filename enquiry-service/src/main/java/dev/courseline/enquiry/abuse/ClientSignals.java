package dev.courseline.enquiry.abuse;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What a request says about its sender beyond its body: the client's address (see {@link ClientAddresses}), the
 * website form's honeypot field as the visitor sent it ({@code X-Form-Honeypot}) and the form's signed render time
 * ({@code X-Form-Stamp}).
 */
public record ClientSignals(String address, String honeypot, String formStamp) {

    public static final String HONEYPOT_HEADER = "X-Form-Honeypot";
    public static final String FORM_STAMP_HEADER = "X-Form-Stamp";

    public static ClientSignals of(ServerHttpRequest request, ClientAddresses addresses) {
        return new ClientSignals(addresses.of(request), request.getHeaders().getFirst(HONEYPOT_HEADER),
                request.getHeaders().getFirst(FORM_STAMP_HEADER));
    }
}
