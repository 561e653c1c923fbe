package dev.courseline.localstack.support;

/**
 * The address the stack's identity provider, inbox, SMTP server and store listen on: loopback unless
 * {@code COURSELINE_BIND_ADDRESS} (or the system property {@code courseline.bind-address}) says otherwise, since the
 * development token endpoint hands out any user's token and the inbox shows every email.
 */
public final class BindAddress {

    public static final String VARIABLE = "COURSELINE_BIND_ADDRESS";
    public static final String PROPERTY = "courseline.bind-address";
    public static final String LOOPBACK = "127.0.0.1";

    private BindAddress() {
    }

    public static String host() {
        String configured = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        return configured == null || configured.isBlank() ? LOOPBACK : configured.trim();
    }
}
