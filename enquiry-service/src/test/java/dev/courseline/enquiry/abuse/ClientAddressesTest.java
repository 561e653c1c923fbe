package dev.courseline.enquiry.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(new AbuseProperties(
            List.of("10.0.0.0/8", "::1/128"), null, null, null, null));

    @Test
    void theForwardedClientCountsOnlyBehindATrustedProxy() {
        assertThat(addresses.of(from("10.1.2.3", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("198.51.100.4", "203.0.113.7"))).isEqualTo("198.51.100.4");
        assertThat(addresses.of(from("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void everyLoopbackAddressIsOneClient() {
        assertThat(addresses.of(from("10.1.2.3", "::1"))).isEqualTo(addresses.of(from("10.1.2.3", "127.0.0.1")));
    }

    @Test
    void theNearestUntrustedHopWinsSoAClientCannotPrependAnAddress() {
        assertThat(addresses.of(from("10.1.2.3", "1.2.3.4, 203.0.113.7, 10.9.9.9"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.1.2.3", "not-an-address"))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/enrolments")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.build();
    }
}
