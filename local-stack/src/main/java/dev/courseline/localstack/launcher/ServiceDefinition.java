package dev.courseline.localstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One Courseline service as the launcher runs it: its module, port, database and log prefix. */
public record ServiceDefinition(String name, String module, int port, String database) {

    public static final List<ServiceDefinition> COURSELINE = List.of(
            new ServiceDefinition("catalogue", "catalogue-service", 8081, "courseline-catalogue"),
            new ServiceDefinition("enquiry", "enquiry-service", 8082, "courseline-enquiry"),
            new ServiceDefinition("notification", "notification-service", 8083, "courseline-notification"));

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
