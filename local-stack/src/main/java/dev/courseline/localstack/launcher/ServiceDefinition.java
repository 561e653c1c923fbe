package dev.courseline.localstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.courseline.localstack.LocalStack;

/**
 * One Courseline process as the launcher and the end-to-end tests run it: its module, port, its database on the
 * local stack (null when it uses no Kafka or MongoDB, as the website) and the addresses it is pointed at.
 *
 * @param links each setting that holds another process's base URL, or the identity provider's issuer
 */
public record ServiceDefinition(String name, String module, int port, String database, List<Link> links) {

    /**
     * A setting holding the base URL of a process (another one, or this one for its own public address), or with
     * {@link #IDENTITY_PROVIDER} the issuer of the stack's identity provider.
     */
    public record Link(String variable, String service) {

        public static final String IDENTITY_PROVIDER = "identity-provider";
    }

    /** Staff sign in on it through the identity provider, so it is pointed at the issuer too. */
    public static final ServiceDefinition WEBSITE = new ServiceDefinition("website", "website", 8080, null, List.of(
            new Link("CATALOGUE_API_URL", "catalogue"), new Link("ENQUIRY_API_URL", "enquiry"),
            new Link("NOTIFICATION_API_URL", "notification"), new Link("WEBSITE_PUBLIC_URL", "website"),
            new Link("OIDC_ISSUER_URI", Link.IDENTITY_PROVIDER)));

    /** The website is listed first: it is what a person opens. */
    public static final List<ServiceDefinition> COURSELINE = List.of(
            WEBSITE,
            new ServiceDefinition("catalogue", "catalogue-service", 8081, "courseline-catalogue",
                    List.of(new Link("WEBSITE_PUBLIC_URL", "website"))),
            new ServiceDefinition("enquiry", "enquiry-service", 8082, "courseline-enquiry",
                    List.of(new Link("WEBSITE_PUBLIC_URL", "website"), new Link("ENQUIRY_PUBLIC_URL", "enquiry"))),
            new ServiceDefinition("notification", "notification-service", 8083, "courseline-notification",
                    List.of(new Link("WEBSITE_PUBLIC_URL", "website"))));

    public ServiceDefinition {
        links = List.copyOf(links);
    }

    public static ServiceDefinition named(String name) {
        return COURSELINE.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Courseline process named " + name));
    }

    /** Where Prometheus reads its metrics: every Courseline service but the website exports them. */
    public Optional<String> metricsPath() {
        return WEBSITE.name().equals(name) ? Optional.empty() : Optional.of("/actuator/prometheus");
    }

    /** Its address on this machine at the fixed port, as the launcher runs it. */
    public String localUrl() {
        return "http://localhost:" + port;
    }

    /**
     * The environment of this process: the stack's addresses and its own database when it has one (the name followed
     * by {@code databaseSuffix}), and each link resolved with {@code baseUrlOf} (a process name to its base URL) or,
     * for the identity provider, to the stack's issuer.
     */
    public Map<String, String> environment(LocalStack stack, String databaseSuffix,
            Function<String, String> baseUrlOf) {
        return environment(database -> stack.serviceEnvironment(database + databaseSuffix),
                target -> Link.IDENTITY_PROVIDER.equals(target) ? stack.issuerUri() : baseUrlOf.apply(target));
    }

    /**
     * The same, with {@code infrastructureFor} giving the settings of the infrastructure for a database name and
     * {@code addressOf} the address of each link's target.
     */
    public Map<String, String> environment(Function<String, Map<String, String>> infrastructureFor,
            Function<String, String> addressOf) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (database != null) {
            environment.putAll(infrastructureFor.apply(database));
        }
        links.forEach(link -> environment.put(link.variable(), addressOf.apply(link.service())));
        return environment;
    }

    /** The runnable jar the build puts beside the plain one: {@code <module>/target/<module>-<version>-exec.jar}. */
    public Optional<Path> executableJar(Path repositoryRoot) {
        Path target = repositoryRoot.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                String fileName = file.getFileName().toString();
                return fileName.startsWith(module + "-") && fileName.endsWith("-exec.jar");
            }).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
