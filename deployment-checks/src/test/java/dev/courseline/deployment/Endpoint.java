package dev.courseline.deployment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A host and port a service will connect to, read from the settings a manifest gives it. */
record Endpoint(String variable, String host, int port) {

    private static final String API_URL = "_API_URL";

    /**
     * The endpoints in a service's literal settings (values taken from Secrets are unknown here and skipped):
     * the Kafka bootstrap servers, the MongoDB hosts, the JWK set URL, the SMTP server and every API it calls
     * (each {@code *_API_URL}, as the website's {@code CATALOGUE_API_URL}).
     */
    static List<Endpoint> in(Map<String, String> settings, ServiceContract contract) {
        List<Endpoint> endpoints = new ArrayList<>();
        String kafka = settings.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafka != null) {
            for (String server : kafka.split(",")) {
                endpoints.add(hostAndPort("KAFKA_BOOTSTRAP_SERVERS", server.trim(), 9092));
            }
        }
        String mongo = settings.get("MONGODB_URI");
        if (mongo != null && mongo.startsWith("mongodb://")) {
            String authority = mongo.substring("mongodb://".length()).split("[/?]", 2)[0];
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            for (String host : authority.split(",")) {
                endpoints.add(hostAndPort("MONGODB_URI", host, 27017));
            }
        }
        String jwks = settings.get("JWT_JWK_SET_URI");
        if (jwks != null) {
            endpoints.add(ofUrl("JWT_JWK_SET_URI", jwks));
        }
        settings.forEach((variable, value) -> {
            if (variable.endsWith(API_URL) && value != null) {
                endpoints.add(ofUrl(variable, value));
            }
        });
        String smtpHost = settings.get("SMTP_HOST");
        if (smtpHost != null) {
            String port = settings.getOrDefault("SMTP_PORT", contract.variables().get("SMTP_PORT"));
            if (port != null && port.matches("\\d+")) {
                endpoints.add(new Endpoint("SMTP_HOST", smtpHost, Integer.parseInt(port)));
            }
        }
        return endpoints;
    }

    /** The host and port of an http(s) URL, the scheme's port when it names none. */
    static Endpoint ofUrl(String variable, String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new Endpoint(variable, uri.getHost(), port);
    }

    /** A bare name such as {@code kafka} is a Service in the same namespace or a compose service. */
    boolean isLocalName() {
        return !host.contains(".") && !"localhost".equals(host);
    }

    private static Endpoint hostAndPort(String variable, String text, int defaultPort) {
        int colon = text.lastIndexOf(':');
        return colon < 0
                ? new Endpoint(variable, text, defaultPort)
                : new Endpoint(variable, text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return variable + " -> " + host + ":" + port;
    }
}
