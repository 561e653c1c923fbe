package dev.courseline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.testcontainers.DockerClientFactory;

/**
 * Where the test infrastructure comes from, chosen with the system property {@code courseline.infra}:
 * {@code auto} (the default: containers when a Docker engine answers, else embedded), {@code embedded} or
 * {@code containers}. SMTP and the identity provider are embedded in every mode.
 */
public enum InfraMode {
    AUTO, EMBEDDED, CONTAINERS;

    public static final String PROPERTY = "courseline.infra";

    /** The requested mode with {@code auto} already resolved to one of the other two. */
    public static InfraMode resolve() {
        return resolve(System.getProperty(PROPERTY, "auto"), InfraMode::dockerEngineAnswers);
    }

    /** {@code value} as {@link #PROPERTY} gives it; {@code dockerAnswers} is asked only for {@code auto}. */
    static InfraMode resolve(String setting, BooleanSupplier dockerAnswers) {
        String value = setting.trim();
        InfraMode requested;
        try {
            requested = valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be auto, embedded or containers, not '" + value + "'");
        }
        if (requested != AUTO) {
            return requested;
        }
        return dockerAnswers.getAsBoolean() ? CONTAINERS : EMBEDDED;
    }

    /**
     * Looks for a socket or DOCKER_HOST before asking Testcontainers, whose probe costs half a second and logs an
     * ERROR block on machines without any engine.
     */
    private static boolean dockerEngineAnswers() {
        Path home = Path.of(System.getProperty("user.home"));
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(home.resolve(".docker/run/docker.sock"))
                || Files.exists(home.resolve(".testcontainers.properties"));
        return hint && DockerClientFactory.instance().isDockerAvailable();
    }
}
