package dev.courseline.localstack.identity;

import static dev.courseline.localstack.support.SmallHttpServer.escapeHtml;

import com.sun.net.httpserver.HttpExchange;
import dev.courseline.localstack.support.SmallHttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The development identity provider: OpenID discovery, the JWKS, and {@code POST /token} (form {@code username=sam})
 * that hands out a signed token for a predefined user without a password. Development only.
 */
public final class IdentityProvider implements AutoCloseable {

    private final SmallHttpServer server;
    private final TokenIssuer issuer;
    private final JsonMapper json = JsonMapper.builder().build();

    private IdentityProvider(int port, TokenIssuer issuer) {
        this.issuer = issuer;
        this.server = new SmallHttpServer(port, "identity-provider")
                .route("/.well-known/openid-configuration", this::discovery)
                .route("/.well-known/jwks.json", this::jwks)
                .route("/token", this::token)
                .route("/", this::home);
    }

    /** With a fresh key (tests). */
    public static IdentityProvider withFreshKey(int port) {
        return new IdentityProvider(port, new TokenIssuer(issuerFor(port), SigningKey.generate()));
    }

    /** With the key kept in {@code keyFile} (launcher), so tokens stay valid across restarts. */
    public static IdentityProvider withKeyFile(int port, Path keyFile) {
        return new IdentityProvider(port, new TokenIssuer(issuerFor(port), SigningKey.loadOrGenerate(keyFile)));
    }

    private static String issuerFor(int port) {
        return "http://localhost:" + port;
    }

    public IdentityProvider start() {
        server.start();
        return this;
    }

    public String issuerUri() {
        return issuer.issuer();
    }

    public String jwkSetUri() {
        return issuer.issuer() + "/.well-known/jwks.json";
    }

    public String tokenFor(String username) {
        return issuer.tokenFor(StaffUsers.find(username).orElseThrow(() -> new IllegalArgumentException(
                "no predefined user '" + username + "'; the users are "
                        + StaffUsers.ALL.stream().map(StaffUser::username).toList())));
    }

    public String tokenWith(String subject, String... roles) {
        return issuer.tokenWith(subject, Arrays.asList(roles));
    }

    @Override
    public void close() {
        server.close();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuerUri());
        document.put("jwks_uri", jwkSetUri());
        document.put("token_endpoint", issuerUri() + "/token");
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        SmallHttpServer.send(exchange, 200, "application/json", json.writeValueAsString(document));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        SmallHttpServer.send(exchange, 200, "application/json", issuer.publicJwks());
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            SmallHttpServer.send(exchange, 405, "application/json", "{\"error\":\"use POST with username=<user>\"}");
            return;
        }
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Optional<StaffUser> user = formValue(form, "username").flatMap(StaffUsers::find);
        if (user.isEmpty()) {
            Map<String, Object> error = Map.of("error", "invalid_request", "error_description",
                    "username must be one of " + StaffUsers.ALL.stream().map(StaffUser::username).toList());
            SmallHttpServer.send(exchange, 400, "application/json", json.writeValueAsString(error));
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", issuer.tokenFor(user.get()));
        response.put("token_type", "Bearer");
        response.put("expires_in", TokenIssuer.LIFETIME.toSeconds());
        SmallHttpServer.send(exchange, 200, "application/json", json.writeValueAsString(response));
    }

    private void home(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            SmallHttpServer.send(exchange, 404, "text/plain; charset=utf-8", "not found");
            return;
        }
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<title>Courseline identity provider</title><style>body{font-family:system-ui,sans-serif;margin:2rem}"
                + "td,th{text-align:left;padding:.3rem .6rem}code,pre{background:#f6f6f6}</style></head><body>"
                + "<h1>Courseline development identity provider</h1><p>Issuer <code>")
                .append(escapeHtml(issuerUri())).append("</code>, keys at <a href=\"/.well-known/jwks.json\">")
                .append("/.well-known/jwks.json</a>. Development only: no passwords.</p>")
                .append("<table><tr><th>user</th><th>name</th><th>roles</th><th>team</th></tr>");
        for (StaffUser user : StaffUsers.ALL) {
            html.append("<tr><td><code>").append(escapeHtml(user.username())).append("</code></td><td>")
                    .append(escapeHtml(user.name())).append("</td><td>")
                    .append(escapeHtml(String.join(", ", user.roles()))).append("</td><td>")
                    .append(escapeHtml(Optional.ofNullable(user.team()).orElse(""))).append("</td></tr>");
        }
        html.append("</table><p>Get a token:</p><pre>curl -s -X POST ").append(escapeHtml(issuerUri()))
                .append("/token -d username=sam</pre><p>then send <code>Authorization: Bearer &lt;access_token&gt;</code>.</p>")
                .append("</body></html>");
        SmallHttpServer.send(exchange, 200, "text/html; charset=utf-8", html.toString());
    }

    private static Optional<String> formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8).trim());
            }
        }
        return Optional.empty();
    }
}
