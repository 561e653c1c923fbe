package dev.courseline.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import dev.courseline.localstack.support.ChildProcesses;
import dev.courseline.localstack.support.Ports;

/**
 * A real single-node KRaft broker run as its own JVM from the jars on this JVM's classpath. Its storage is
 * formatted on first start and kept in {@code dataDirectory}; its output goes to {@code broker.log} there.
 */
public final class KafkaBrokerProcess implements KafkaBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String LOGBACK_CONFIG = "dev/courseline/localstack/kafka/broker-logback.xml";

    private final int port;
    private final int controllerPort;
    private final Path dataDirectory;
    private final String maxHeap;
    private Process process;

    public KafkaBrokerProcess(int port, int controllerPort, Path dataDirectory, String maxHeap) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.maxHeap = maxHeap;
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logFile() {
        return dataDirectory.resolve("broker.log");
    }

    @Override
    public boolean supportsRestart() {
        return true;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Path logDirectory = dataDirectory.resolve("logs");
            Files.createDirectories(logDirectory);
            Path config = writeServerProperties(logDirectory);
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                formatStorage(config);
            }
            process = java(List.of(BrokerMain.class.getName(), String.valueOf(ProcessHandle.current().pid()),
                    config.toString())).start();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker", e);
        }
    }

    @Override
    public synchronized void stop() {
        ChildProcesses.stop(process, STOP_GRACE);
        process = null;
        Ports.awaitFree(port, Duration.ofSeconds(15));
        Ports.awaitFree(controllerPort, Duration.ofSeconds(15));
    }

    /** SIGSTOP: the broker keeps its connections but answers nothing, as a broker stalled by the machine would. */
    @Override
    public synchronized void pause() {
        ChildProcesses.signal(pid(), "STOP");
    }

    @Override
    public synchronized void unpause() {
        ChildProcesses.signal(pid(), "CONT");
    }

    /** SIGKILL, as a crash or the OOM killer would end it; returns once it is gone and its ports are free. */
    @Override
    public synchronized void kill() {
        if (!isRunning()) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the broker", e);
        }
        process = null;
        Ports.awaitFree(port, Duration.ofSeconds(15));
        Ports.awaitFree(controllerPort, Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        if (isRunning()) {
            ChildProcesses.signal(pid(), "CONT");
        }
        stop();
    }

    private Path writeServerProperties(Path logDirectory) throws IOException {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        Path config = dataDirectory.resolve("server.properties");
        try (var writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by local-stack at each start");
        }
        return config;
    }

    private void formatStorage(Path config) throws IOException {
        ProcessBuilder format = java(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString(), "--ignore-formatted"));
        Process tool = format.start();
        try {
            if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage failed; see " + logFile()
                        + "\n" + tail());
            }
        } catch (InterruptedException e) {
            tool.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
    }

    private ProcessBuilder java(List<String> mainAndArguments) {
        List<String> command = new ArrayList<>();
        // Its own session, so a terminal's Ctrl-C reaches only our JVM, which stops the broker after its clients.
        ChildProcesses.setsid().ifPresent(command::add);
        command.addAll(List.of(ChildProcesses.javaExecutable(),
                "-Xms64m", "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.awt.headless=true", "-Dlogback.configurationFile=" + LOGBACK_CONFIG,
                "-cp", ChildProcesses.currentClasspath()));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    }

    /** Ready when the port listens and a client can describe the cluster; fails fast when the process dies. */
    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Ports.isListening(port)) {
            failIfDeadOrLate(deadline);
            waitBriefly();
        }
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    failIfDeadOrLate(deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                }
                failIfDeadOrLate(deadline);
                waitBriefly();
            }
        }
    }

    private void failIfDeadOrLate(Instant deadline) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the Kafka broker process exited with " + process.exitValue()
                    + "; see " + logFile() + "\n" + tail());
        }
        if (Instant.now().isAfter(deadline)) {
            ChildProcesses.stop(process, Duration.ofSeconds(5));
            throw new IllegalStateException("the Kafka broker did not become ready within " + START_TIMEOUT
                    + "; see " + logFile() + "\n" + tail());
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no broker log)";
        }
    }

    private static void waitBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
