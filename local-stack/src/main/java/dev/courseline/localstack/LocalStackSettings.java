package dev.courseline.localstack;

import java.nio.file.Path;
import java.util.Optional;

import dev.courseline.localstack.mail.MailRetention;
import dev.courseline.localstack.support.Ports;

/**
 * Ports and storage of a stack. Tests take free ports and keep nothing ({@code dataDirectory} empty) but every email
 * they send; the launcher takes the ports of docs/conventions.md, keeps its data under {@code .courseline/data} and
 * only the newest {@link #LAUNCHER_EMAILS_KEPT} emails (a load run sends hundreds of thousands).
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
        String brokerMaxHeap,
        MailRetention mailRetention) {

    public static final String BROKER_MAX_HEAP = "320m";
    public static final int LAUNCHER_EMAILS_KEPT = 2_000;

    /** Integration tests count and parse the emails they caused, so nothing is dropped. */
    public static LocalStackSettings forTests(InfraMode mode) {
        return new LocalStackSettings(mode, Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(),
                Ports.freePort(), Ports.freePort(), Optional.empty(), BROKER_MAX_HEAP, MailRetention.KEEP_ALL);
    }

    public static LocalStackSettings forLauncher(Path dataDirectory) {
        return new LocalStackSettings(InfraMode.EMBEDDED, 9092, 9093, 27017, 3025, 8025, 9000,
                Optional.of(dataDirectory), BROKER_MAX_HEAP, MailRetention.newest(LAUNCHER_EMAILS_KEPT));
    }

    public LocalStackSettings withMailRetention(MailRetention retention) {
        return new LocalStackSettings(mode, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, inboxPort,
                identityPort, dataDirectory, brokerMaxHeap, retention);
    }

    /** The same ports and mode, with the data kept under {@code directory} (the store in a file, as the launcher's). */
    public LocalStackSettings withDataDirectory(Path directory) {
        return new LocalStackSettings(mode, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, inboxPort,
                identityPort, Optional.of(directory), brokerMaxHeap, mailRetention);
    }

    public boolean keepsData() {
        return dataDirectory.isPresent();
    }
}
