package dev.courseline.localstack.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import tools.jackson.databind.JsonNode;

import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
class DiscoveryIntegrationTest {

    private final Issuer issuer = new Issuer();

    @Test
    void theDiscoveryDocumentNamesTheIssuerTheJwksAndTheCodeFlowWithPkce() throws Exception {
        JsonNode discovery = issuer.json(issuer.get("/.well-known/openid-configuration"));

        String base = issuer.stack.issuerUri();
        assertThat(discovery.get("issuer").asString()).isEqualTo(base).isEqualTo(System.getProperty("JWT_ISSUER_URI"));
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(issuer.stack.jwkSetUri())
                .isEqualTo(System.getProperty("JWT_JWK_SET_URI")).isEqualTo(base + "/.well-known/jwks.json");
        assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(base + "/oauth2/authorize");
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(base + "/oauth2/token");
        assertThat(discovery.get("userinfo_endpoint").asString()).isEqualTo(base + "/userinfo");
        assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(base + "/connect/logout");
        assertThat(strings(discovery, "response_types_supported")).contains("code");
        assertThat(strings(discovery, "grant_types_supported")).contains("authorization_code", "refresh_token");
        assertThat(strings(discovery, "code_challenge_methods_supported")).contains("S256");
        assertThat(strings(discovery, "scopes_supported")).contains("openid");
        assertThat(strings(discovery, "token_endpoint_auth_methods_supported")).contains("client_secret_basic");
        assertThat(strings(discovery, "id_token_signing_alg_values_supported")).contains("RS256");
    }

    @Test
    void theJwksPublishesOnePublicRsaSigningKey() throws Exception {
        JWKSet keys = JWKSet.parse(issuer.get("/.well-known/jwks.json").body());

        assertThat(keys.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyType().getValue()).isEqualTo("RSA");
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(Optional.ofNullable(key.getKeyUse()).orElse(KeyUse.SIGNATURE)).isEqualTo(KeyUse.SIGNATURE);
            assertThat(Optional.ofNullable(key.getAlgorithm()).map(Object::toString).orElse("RS256"))
                    .isEqualTo(JWSAlgorithm.RS256.getName());
        });
    }

    @Test
    void theHomePageNamesTheUsersAndTheShortcut() throws Exception {
        String page = issuer.get("/").body();

        assertThat(page).contains("cora", "sam", "sofia", "ada", "courseline", "/token -d username=sam");
    }

    @Test
    void itListensOnTheLoopbackInterfaceOnly() throws Exception {
        int port = URI.create(issuer.stack.issuerUri()).getPort();
        Optional<InetAddress> external = externalAddress();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), port), 1000);
            }
        }).isInstanceOf(IOException.class);
    }

    private static List<String> strings(JsonNode document, String field) {
        List<String> values = new ArrayList<>();
        document.get(field).forEach(value -> values.add(value.asString()));
        return values;
    }

    private static Optional<InetAddress> externalAddress() throws Exception {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
