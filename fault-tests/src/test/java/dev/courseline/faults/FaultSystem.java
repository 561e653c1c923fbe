package dev.courseline.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import dev.courseline.localstack.InfraMode;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.LocalStackSettings;
import dev.courseline.localstack.launcher.LoadTestSettings;
import dev.courseline.localstack.launcher.ServiceDefinition;
import dev.courseline.localstack.launcher.ServiceGroup;
import dev.courseline.localstack.launcher.ServiceProcess;
import dev.courseline.localstack.launcher.Supervisor;
import dev.courseline.localstack.support.ChildProcesses;
import dev.courseline.localstack.support.Ports;

/**
 * The catalogue, enquiry and notification services launched from their runnable jars as processes against a local
 * stack of this JVM whose store keeps its data in a file ({@link #ownStack()}), on free ports, watched by the
 * launcher's {@link Supervisor} so that a service killed by a scenario is restarted as {@code ./run.sh} would restart
 * it. Output goes to {@code target/fault-logs/<service>.log}. The website is left out: no scenario goes through it,
 * and two cores are better spent on the services under fault.
 */
final class FaultSystem implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** The notification service's dispatch lease in the suite (2 min by default). */
    static final Duration DISPATCH_LEASE = Duration.ofSeconds(15);
    static final List<String> SERVICES = List.of("catalogue", "enquiry", "notification");
    /** How often each enquiry instance looks for overdue leads in the suite. */
    static final Duration OVERDUE_CHECK = Duration.ofSeconds(2);

    private final LocalStack stack;
    private final ServiceGroup services;
    private final Supervisor supervisor;
    private final Map<String, ServiceProcess> byName = new HashMap<>();
    private final Map<String, Integer> ports;

    private FaultSystem(LocalStack stack, ServiceGroup services, Supervisor supervisor, Map<String, Integer> ports) {
        this.stack = stack;
        this.services = services;
        this.supervisor = supervisor;
        this.ports = Map.copyOf(ports);
        services.services().forEach(service -> byName.put(service.name(), service));
    }

    /**
     * The suite's own stack: the tests' (free ports, every email kept), but with its data in files under
     * {@code target/fault-data}, as {@code ./run.sh} keeps them, so that a restarted store reads its file back.
     */
    static LocalStack ownStack() {
        Path data = root().resolve("fault-tests/target/fault-data");
        try (var old = Files.exists(data) ? Files.walk(data) : java.util.stream.Stream.<Path>empty()) {
            old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LocalStack.start(LocalStackSettings.forTests(InfraMode.resolve()).withDataDirectory(data));
    }

    static FaultSystem launch(LocalStack stack) {
        Map<String, Integer> ports = new HashMap<>();
        ServiceDefinition.COURSELINE.forEach(definition -> ports.put(definition.name(), Ports.freePort()));
        List<ServiceProcess> processes = SERVICES.stream()
                .map(service -> process(stack, service, service, ports.get(service), ports)).toList();
        ServiceGroup group = stack.closeFirst(new ServiceGroup(processes));
        group.start().awaitHealthy(START_TIMEOUT);
        LogFile launcher = new LogFile(logs().resolve("launcher.log"));
        // Restarts as the launcher's policy does, but never gives up within a run: a scenario kills on purpose.
        Supervisor supervisor = new Supervisor(processes, new Supervisor.Policy(Duration.ofSeconds(1),
                Duration.ofSeconds(4), 100, Duration.ofMinutes(10), START_TIMEOUT),
                name -> logs().resolve(name + ".log"), launcher::append, Clock.systemUTC()).watch();
        return new FaultSystem(stack, group, supervisor, ports);
    }

    /**
     * A second instance of each of {@code services}, as a second replica runs: the same settings, database and consumer
     * group, its own port and log ({@code <service>-2.log}). It is not supervised, so that one killed stays down and
     * the first instances must take over its partitions and leases. Returns once all are healthy.
     */
    SecondInstances startSecondInstances(List<String> services) {
        List<ServiceProcess> processes = services.stream()
                .map(service -> process(stack, service, service + "-2", Ports.freePort(), ports)).toList();
        ServiceGroup group = stack.closeFirst(new ServiceGroup(processes));
        try {
            group.start().awaitHealthy(START_TIMEOUT);
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
        return new SecondInstances(group);
    }

    /**
     * One instance of {@code service} with the suite's settings, named {@code instance}; {@code ports} holds the first
     * instances' ports, which every link points to (as a Service's address in front of its replicas would).
     */
    private static ServiceProcess process(LocalStack stack, String service, String instance, int port,
            Map<String, Integer> ports) {
        ServiceDefinition definition = ServiceDefinition.named(service);
        Map<String, String> environment = new HashMap<>(
                definition.environment(stack, "-faults", name -> "http://localhost:" + ports.get(name)));
        // The verifier reads "nothing pending" from the gauges that need a store query; refreshed every 15 s by
        // default, a stale zero could pass too early and a stale count keeps a scenario waiting for nothing.
        environment.put("METRICS_REFRESH_INTERVAL", "1s");
        // A SIGKILLed consumer keeps its partitions until the group's session timeout (45 s by default) runs out;
        // only then does the restarted instance get them. 10 s keeps a kill scenario short.
        environment.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_CONSUMERPROPERTIES_SESSION_TIMEOUT_MS", "10000");
        if ("enquiry".equals(service)) {
            // All the load comes from this machine, from one address, faster than any person.
            environment.putAll(LoadTestSettings.ENQUIRY);
            // A key claimed by a request the kill cut short is taken over after this (60 s by default).
            environment.put("ENQUIRY_IDEMPOTENCY_CLAIM_TIMEOUT", "15s");
            // A lead whose respond-by a scenario moved into the past is escalated within seconds (every minute by
            // default), by whichever instance looks first.
            environment.put("ENQUIRY_LEAD_OVERDUE_CHECK_INTERVAL", OVERDUE_CHECK.toString());
        }
        if ("notification".equals(service)) {
            // A notification leased by a killed instance is swept up once its lease runs out: seconds rather than
            // the default 2 min keep a kill scenario short; the dispatcher's rules are the same at any length.
            environment.put("NOTIFICATION_DISPATCH_LEASE", DISPATCH_LEASE.toString());
            environment.put("NOTIFICATION_DISPATCH_SWEEP_INTERVAL", "PT5S");
            // After an outage an email waits for its next attempt, up to 5 min apart by default: at most 4 s here,
            // with the attempts to match (15 by default), so the budget still outlasts every outage of the suite.
            environment.put("NOTIFICATION_RETRY_MAX_DELAY", "PT4S");
            environment.put("NOTIFICATION_RETRY_MAX_ATTEMPTS", "100");
        }
        Path jar = definition.executableJar(root()).orElseThrow(() -> new IllegalStateException(
                "no runnable jar for " + definition.module() + "; the reactor builds it before this module"));
        LogFile log = new LogFile(logs().resolve(instance + ".log"));
        return new ServiceProcess(instance, jar, port, environment, log::append);
    }

    private static Path logs() {
        return root().resolve("fault-tests/target/fault-logs");
    }

    private static Path root() {
        return Path.of(System.getProperty("courseline.repository.root", "..")).toAbsolutePath().normalize();
    }

    /** Whether the store keeps its data in a file, read back when it restarts. */
    boolean storeInFile() {
        return stack.settings().keepsData() && stack.supportsStoreRestart();
    }

    LocalStack stack() {
        return stack;
    }

    String url(String service, String path) {
        return byName.get(service).baseUrl() + path;
    }

    /** SIGKILL, as the OOM killer or a crash ends a JVM: no shutdown hook, no graceful stop. Returns once it is gone. */
    void kill(String service) {
        kill(byName.get(service));
    }

    static void kill(ServiceProcess process) {
        long pid = process.pid();
        ChildProcesses.signal(pid, "KILL");
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(process.name() + " (pid " + pid + ") did not die after SIGKILL", e);
        }
    }

    /** Waits until every service is running and healthy again (the supervisor restarts what died). */
    void awaitHealthy(Duration timeout) {
        Awaitility.await("every service healthy").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> services.services().stream()
                        .allMatch(service -> service.isRunning() && service.isHealthy()));
    }

    /** The service's current process id (a new one after the supervisor restarted it). */
    long pid(String service) {
        return byName.get(service).pid();
    }

    boolean isHealthy(String service) {
        ServiceProcess process = byName.get(service);
        return process.isRunning() && process.isHealthy();
    }

    @Override
    public void close() {
        supervisor.close();
        services.close();
    }
}
