package dev.courseline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code minimal-intake} reference (benchmarks/minimal-intake) as a child process of the intake run, started with
 * the JVM flags the running enquiry service was started with, so that the two CPU-per-quote figures compare the code,
 * not the flags.
 */
final class ReferenceIntake implements AutoCloseable {

    private static final Duration START_AT_MOST = Duration.ofMinutes(2);

    private final Process process;
    private final String url;
    private final List<String> flags;

    private ReferenceIntake(Process process, String url, List<String> flags) {
        this.process = process;
        this.url = url;
        this.flags = flags;
    }

    /** Starts the reference's runnable jar on {@code port} and returns once it has taken a quote request. */
    static ReferenceIntake start(Settings settings) throws IOException, InterruptedException {
        long enquiry = Processes.service("enquiry-service")
                .orElseThrow(() -> new IllegalStateException("no running enquiry service to take the JVM flags from"));
        List<String> flags = Processes.jvmFlags(enquiry);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-jar");
        command.add(jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("benchmarks", "target", "minimal-intake.log").toFile());
        builder.environment().put("SERVER_PORT", String.valueOf(settings.referencePort()));
        builder.environment().put("MONGODB_URI", settings.mongoUri() + "/courseline-benchmark");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", settings.kafka());
        // As the launcher runs the services (ServiceProcess).
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        ReferenceIntake reference = new ReferenceIntake(builder.start(),
                "http://localhost:" + settings.referencePort(), flags);
        reference.awaitAnswering();
        return reference;
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    List<String> flags() {
        return flags;
    }

    private void awaitAnswering() throws InterruptedException {
        QuoteRequests probe = new QuoteRequests(url);
        Instant deadline = Instant.now().plus(START_AT_MOST);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("minimal-intake exited with " + process.exitValue()
                        + "; see benchmarks/target/minimal-intake.log");
            }
            try {
                if (probe.send(-1)) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("minimal-intake took no quote within " + START_AT_MOST.toSeconds()
                        + " s; see benchmarks/target/minimal-intake.log");
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private static Path jar() throws IOException {
        Path target = Path.of("benchmarks", "minimal-intake", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(path -> path.getFileName().toString().matches("minimal-intake-.*-exec\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no runnable jar in " + target
                            + "; benchmarks/run.sh builds it"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
