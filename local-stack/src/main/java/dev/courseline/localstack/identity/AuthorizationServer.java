package dev.courseline.localstack.identity;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;

import dev.courseline.localstack.support.BindAddress;

/**
 * The local stack's OpenID Connect provider: Spring Authorization Server, with a login form, discovery, the JWKS,
 * ID tokens and the authorization code flow with PKCE, for the users of {@link StaffUsers} and the
 * {@link WebsiteClient}; plus the development shortcut {@code POST /token}. It listens on {@link #ADDRESS} only and
 * is built without Spring Boot and without configuration files, so it cannot clash with a service whose tests run
 * it in the same JVM.
 */
public final class AuthorizationServer implements AutoCloseable {

    /** Loopback only: the shortcut hands out tokens without a password. */
    /** Loopback unless {@code COURSELINE_BIND_ADDRESS} says otherwise. */
    public static final String ADDRESS = BindAddress.host();
    static final String SESSION_COOKIE = "COURSELINE_IDP_SESSION";

    private final int port;
    private final ProviderSettings settings;
    private AnnotationConfigApplicationContext context;
    private EmbeddedTomcat tomcat;
    private DevelopmentTokens tokens;

    private AuthorizationServer(int port, RSAKey signingKey) {
        this.port = port;
        this.settings = new ProviderSettings("http://localhost:" + port, signingKey);
    }

    /** With a fresh key (tests). */
    public static AuthorizationServer withFreshKey(int port) {
        return new AuthorizationServer(port, SigningKey.generate());
    }

    /** With the key kept in {@code keyFile} (launcher), so tokens stay valid across restarts. */
    public static AuthorizationServer withKeyFile(int port, Path keyFile) {
        return new AuthorizationServer(port, SigningKey.loadOrGenerate(keyFile));
    }

    public AuthorizationServer start() {
        context = new AnnotationConfigApplicationContext();
        context.setId("courseline-identity-provider");
        context.registerBean(ProviderSettings.class, () -> settings);
        context.register(AuthorizationServerConfig.class);
        try {
            context.refresh();
            tokens = context.getBean(DevelopmentTokens.class);
            Filter security = context.getBean("springSecurityFilterChain", Filter.class);
            tomcat = new EmbeddedTomcat(ADDRESS, port, SESSION_COOKIE,
                    servletContext -> serve(servletContext, security));
            tomcat.start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return this;
    }

    public String issuerUri() {
        return settings.issuer();
    }

    public String jwkSetUri() {
        return settings.issuer() + AuthorizationServerConfig.JWK_SET_PATH;
    }

    /** An access token for a predefined user, as {@code POST /token} hands out. */
    public String tokenFor(String username) {
        return tokens.tokenFor(StaffUsers.find(username).orElseThrow(() -> new IllegalArgumentException(
                "no predefined user '" + username + "'; the users are " + StaffUsers.usernames())));
    }

    /** A predefined user's access token meant for another audience, for tests that the services check {@code aud}. */
    public String tokenForAudience(String username, String audience) {
        return tokens.tokenFor(StaffUsers.find(username).orElseThrow(), audience);
    }

    /** An access token for any subject with the given roles and no team. */
    public String tokenWith(String subject, String... roles) {
        return tokens.tokenWith(subject, Arrays.asList(roles));
    }

    @Override
    public void close() {
        try {
            if (tomcat != null) {
                tomcat.close();
            }
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    private void serve(ServletContext servletContext, Filter security) {
        servletContext.addFilter("springSecurityFilterChain", security)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
        servletContext.addServlet("token", new DevelopmentTokenServlet(tokens))
                .addMapping(AuthorizationServerConfig.TOKEN_SHORTCUT_PATH);
        servletContext.addServlet("home", new HomePageServlet(settings.issuer())).addMapping("/");
        servletContext.addServlet("login", new LoginPageServlet()).addMapping("/login");
    }
}
