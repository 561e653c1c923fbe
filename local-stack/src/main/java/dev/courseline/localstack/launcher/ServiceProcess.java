package dev.courseline.localstack.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.courseline.localstack.support.ChildProcesses;

/**
 * A service run as its own JVM from its runnable jar, with a bounded heap, the given environment, and its output
 * passed line by line (prefixed with {@code [name]}) to a sink. Used by the launcher and the end-to-end tests.
 */
public final class ServiceProcess implements Supervised, AutoCloseable {

    /**
     * The services' JVM flags, the root pom's {@code courseline.jvm.flags} (the container images get the same): they
     * bound heap and non-heap so that each service stays at or under 256 MiB resident, and stop at C1 so that three
     * services start quickly on two cores. docs/performance.md has the figures behind each.
     */
    public static final List<String> JVM_FLAGS = flagsFromBuild();

    /**
     * Replaces {@link #JVM_FLAGS} when set (space-separated): a load run wants the full JIT, which C1-only start-up
     * flags would hide, e.g. {@code COURSELINE_SERVICE_JVM_FLAGS="-XX:+UseSerialGC -Xmx128m" ./run.sh}.
     */
    public static final String JVM_FLAGS_OVERRIDE = "COURSELINE_SERVICE_JVM_FLAGS";

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int REMEMBERED_LINES = 60;

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Consumer<String> output;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile Process process;
    private volatile Launch launch = Launch.PLAIN_JAR;
    private Thread outputPump;

    /**
     * @param environment added to this JVM's environment; SERVER_PORT is set from {@code port}
     * @param output      receives each output line, already prefixed with {@code [name] }
     */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Consumer<String> output) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.output = output;
    }

    /**
     * Starts it from the jar as extracted by Boot's jar tools, with the class data archive of a training run
     * ({@link ClassDataSharing}), from the next start on.
     */
    public ServiceProcess useClassDataSharing(Path extractedJar, Path archive) {
        launch = plainJar -> List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-jar",
                extractedJar.toString());
        return this;
    }

    /** The JVM arguments after the flags that start the service's code. */
    @FunctionalInterface
    private interface Launch {

        Launch PLAIN_JAR = jar -> List.of("-jar", jar.toString());

        List<String> arguments(Path jar);
    }

    @Override
    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public synchronized ServiceProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no runnable jar at " + jar + "; build it with ./mvnw -DskipTests install");
        }
        List<String> command = new ArrayList<>();
        // Its own session, so the terminal's Ctrl-C reaches only the launcher, which then stops services in order.
        ChildProcesses.setsid().ifPresent(command::add);
        command.add(ChildProcesses.javaExecutable());
        command.addAll(jvmFlags());
        command.addAll(launch.arguments(jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        // The local stack is development: the enquiry service accepts its built-in link secret only in this profile.
        builder.environment().putIfAbsent("SPRING_PROFILES_ACTIVE", "local");
        // glibc gives each thread arena its own heap; two arenas keep tens of MB of RSS off a JVM with many threads.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        outputPump = new Thread(this::pumpOutput, name + "-output");
        outputPump.setDaemon(true);
        outputPump.start();
        return this;
    }

    /**
     * Waits until {@code /actuator/health/readiness} (or {@code /actuator/health} where readiness is not exposed)
     * answers UP; fails with the last output lines when the process exits or the time runs out.
     */
    @Override
    public ServiceProcess awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isHealthy()) {
            if (!process.isAlive()) {
                awaitOutputEnd();
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; last lines:\n"
                        + lastLines());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " was not healthy within " + timeout.toSeconds()
                        + " s; last lines:\n" + lastLines());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        return this;
    }

    public boolean isHealthy() {
        int readiness = status("/actuator/health/readiness");
        return readiness == 200 || (readiness == 404 && status("/actuator/health") == 200);
    }

    /** Completes when the process ends, for whatever reason; at once if it was never started. */
    @Override
    public synchronized CompletableFuture<?> onExit() {
        return process == null ? CompletableFuture.completedFuture(null) : process.onExit();
    }

    @Override
    public synchronized OptionalInt exitCode() {
        return process == null || process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Resident memory in KiB (Linux /proc), as {@code ps -o rss} shows it. */
    public OptionalLong residentMemoryKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** SIGTERM (Boot shuts down gracefully), then SIGKILL after a grace period. */
    public synchronized void stop() {
        ChildProcesses.stop(process, STOP_GRACE);
    }

    @Override
    public void close() {
        stop();
    }

    private int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(2))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The pump may still be reading what a dead process wrote last; those lines explain why it died. */
    private void awaitOutputEnd() {
        try {
            outputPump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pumpOutput() {
        String prefix = "[" + name + "] ";
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                output.accept(prefix + line);
            }
        } catch (IOException e) {
            // the process is gone: its output ends here
        }
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == REMEMBERED_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }

    private synchronized String lastLines() {
        return String.join("\n", lastLines);
    }

    /** Read from the resource the build fills in, so the flags cannot differ from the images'. */
    private static List<String> flagsFromBuild() {
        String resource = "service-jvm-flags.txt";
        try (var in = ServiceProcess.class.getResourceAsStream(resource)) {
            String flags = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (flags.isEmpty() || flags.contains("@")) {
                throw new IllegalStateException(resource + " is missing or unfiltered; build local-stack with Maven");
            }
            return List.of(flags.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<String> jvmFlags() {
        String override = System.getenv(JVM_FLAGS_OVERRIDE);
        return override == null || override.isBlank() ? JVM_FLAGS : List.of(override.trim().split("\\s+"));
    }
}
