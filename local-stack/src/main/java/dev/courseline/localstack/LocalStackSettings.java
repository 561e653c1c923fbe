package dev.courseline.localstack;

import dev.courseline.localstack.support.Ports;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Ports and storage of a stack. Tests take free ports and keep nothing ({@code dataDirectory} empty); the launcher
 * takes the ports of docs/conventions.md and keeps its data under {@code .courseline/data}.
 */
public record LocalStackSettings(
        InfraMode mode,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int inboxPort,
        int identityPort,
        Optional<Path> dataDirectory,
        String brokerMaxHeap) {

    public static final String BROKER_MAX_HEAP = "320m";

    public static LocalStackSettings forTests(InfraMode mode) {
        return new LocalStackSettings(mode, Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(),
                Ports.freePort(), Ports.freePort(), Optional.empty(), BROKER_MAX_HEAP);
    }

    public static LocalStackSettings forLauncher(Path dataDirectory) {
        return new LocalStackSettings(InfraMode.EMBEDDED, 9092, 9093, 27017, 3025, 8025, 9000,
                Optional.of(dataDirectory), BROKER_MAX_HEAP);
    }

    public boolean keepsData() {
        return dataDirectory.isPresent();
    }
}
