package dev.courseline.localstack.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

import dev.courseline.localstack.support.ChildProcesses;

/**
 * Spring Boot's class data sharing recipe for one service jar: extract the jar ({@code -Djarmode=tools extract}, CDS
 * cannot read nested jars), run it once with {@code -Dspring.context.exit=onRefresh} and
 * {@code -XX:ArchiveClassesAtExit} (the context is built, and the JVM exits before anything starts listening or
 * consuming), then start the service from the extracted jar with {@code -XX:SharedArchiveFile}, so it loads its
 * classes from the archive instead of parsing and verifying them again. Both are kept under
 * {@code .courseline/cds/<module>/} until the jar changes. A training run needs the store (it creates indexes), so
 * it runs once the infrastructure is up. Anything that fails leaves the service on its plain jar.
 */
final class ClassDataSharing {

    /** Set to {@code false} to start the services from their plain jars. */
    static final String SWITCH = "COURSELINE_CDS";
    private static final long TRAINING_TIMEOUT_SECONDS = 180;

    private ClassDataSharing() {
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getenv(SWITCH));
    }

    /** The extracted jar and archive for this jar, trained first if they are missing or older than the jar. */
    static Optional<Prepared> prepare(String module, Path jar, Path cacheRoot, Map<String, String> environment,
            Path trainingLog) {
        Path directory = cacheRoot.resolve(module);
        Path stamp = directory.resolve("stamp");
        Path archive = directory.resolve("application.jsa");
        Path extracted = directory.resolve("app");
        try {
            String expected = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar);
            if (Files.exists(stamp) && Files.readString(stamp).equals(expected) && Files.exists(archive)) {
                return Optional.of(new Prepared(extractedJar(extracted), archive));
            }
            FileSystemUtils.deleteRecursively(directory);
            Files.createDirectories(directory);
            Files.createDirectories(trainingLog.getParent());
            run(List.of(ChildProcesses.javaExecutable(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                    "extract", "--destination", extracted.toString()), Map.of(), trainingLog, true);
            Path application = extractedJar(extracted);
            List<String> training = new ArrayList<>();
            training.add(ChildProcesses.javaExecutable());
            training.addAll(ServiceProcess.jvmFlags());
            training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                    "-jar", application.toString()));
            // Its exit code is Spring's way of stopping at refresh; the archive written at exit is what counts.
            run(training, environment, trainingLog, false);
            if (!Files.exists(archive)) {
                return Optional.empty();
            }
            Files.writeString(stamp, expected, StandardCharsets.UTF_8);
            return Optional.of(new Prepared(application, archive));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    record Prepared(Path extractedJar, Path archive) {
    }

    private static Path extractedJar(Path extracted) throws IOException {
        try (Stream<Path> files = Files.list(extracted)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IOException("no jar extracted to " + extracted));
        }
    }

    private static void run(List<String> command, Map<String, String> environment, Path log, boolean mustSucceed)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", "0");
        Process process = builder.start();
        try {
            if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (mustSucceed && process.exitValue() != 0) {
            throw new IOException(command.get(command.size() - 1) + " exited with " + process.exitValue()
                    + "; see " + log);
        }
    }
}
