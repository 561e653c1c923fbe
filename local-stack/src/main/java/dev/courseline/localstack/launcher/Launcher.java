package dev.courseline.localstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.springframework.util.FileSystemUtils;

import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.LocalStackSettings;
import dev.courseline.localstack.mail.MailRetention;
import dev.courseline.localstack.support.Ports;

/**
 * Runs the whole system on one machine: the local stack on the ports of docs/conventions.md, then the website and
 * the three services as their own processes. Prints the URLs once all are healthy, the website's first; Ctrl-C stops
 * them, then the broker, then the rest. {@code --fresh} deletes {@code .courseline/} first. Run from the repository
 * root (see run.sh).
 */
public final class Launcher {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);

    /** Closed first at JVM exit, so a service stopping because of Ctrl-C is neither reported nor restarted. */
    private static volatile Supervisor supervisor;

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before anything logs: the libraries in this JVM would log at DEBUG without a configuration.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/courseline/localstack/launcher/launcher-logback.xml");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Supervisor watching = supervisor;
            if (watching != null) {
                watching.close();
            }
        }, "launcher-exiting"));
        // This JVM's own start: run.sh execs java, so the process itself started before the build.
        Instant launched = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Path root = Path.of("").toAbsolutePath();
        Path state = root.resolve(".courseline");
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("usage: ./run.sh [--fresh] [--load-test]   (--fresh deletes " + state + " first; "
                    + "--load-test lifts the enquiry service's abuse limits, for benchmarks)");
            return;
        }
        if (arguments.contains("--fresh")) {
            try {
                FileSystemUtils.deleteRecursively(state);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + state, e);
            }
            say("deleted " + state);
        }
        System.setProperty("courseline.stack.log", state.resolve("stack.log").toString());
        LocalStackSettings settings = LocalStackSettings.forLauncher(state.resolve("data"));
        List<String> problems = new ArrayList<>(portsInUse(settings));
        Map<ServiceDefinition, Path> jars = new LinkedHashMap<>();
        for (ServiceDefinition service : ServiceDefinition.COURSELINE) {
            Optional<Path> jar = service.executableJar(root);
            jar.ifPresentOrElse(path -> jars.put(service, path), () -> problems.add("no runnable jar in "
                    + root.relativize(root.resolve(service.module()).resolve("target"))
                    + " (build with ./mvnw -DskipTests install, or use ./run.sh)"));
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> System.err.println("[launcher] " + problem));
            System.exit(1);
        }

        say("starting Kafka, MongoDB wire server, SMTP, inbox and identity provider (data in "
                + root.relativize(state.resolve("data")) + ")");
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (RuntimeException e) {
            System.err.println("[launcher] the infrastructure did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        say(String.format("infrastructure ready after %.1f s; starting the website and the services",
                secondsSince(launched)));

        boolean loadTest = arguments.contains("--load-test");
        if (loadTest) {
            say("--load-test: the enquiry service's abuse limits are lifted " + LoadTestSettings.ENQUIRY);
        }
        List<ServiceProcess> processes = new ArrayList<>();
        Path logs = state.resolve("logs");
        jars.forEach((service, jar) -> processes.add(new ServiceProcess(service.name(), jar, service.port(),
                environmentOf(service, stack, loadTest),
                new ServiceOutput(logs.resolve(service.module() + ".log"), System.out::println))));
        say("each service's warnings and errors show here; their full logs are in " + root.relativize(logs));
        if (ClassDataSharing.enabled()) {
            useClassDataSharing(jars, processes, stack, loadTest, state.resolve("cds"), logs, root, launched);
        }
        ServiceGroup services = stack.closeFirst(new ServiceGroup(processes));
        try {
            services.start().awaitHealthy(HEALTH_TIMEOUT);
        } catch (RuntimeException e) {
            System.err.println("[launcher] " + e.getMessage());
            System.err.println("[launcher] stopping everything");
            System.exit(1);
        }
        double seconds = secondsSince(launched);
        System.out.println(banner(stack, services, seconds, root.relativize(state.resolve("data"))));
        // Registered after the services, so it is closed before them: nothing restarts while Ctrl-C stops them.
        supervisor = stack.closeFirst(new Supervisor(services.services(), Supervisor.Policy.launcher(),
                name -> root.relativize(logs.resolve(ServiceDefinition.named(name).module() + ".log")),
                System.out::println, Clock.systemUTC()).watch());
        awaitShutdown();
    }

    /** A service's settings on this stack; with --load-test the enquiry service's abuse limits are lifted. */
    private static Map<String, String> environmentOf(ServiceDefinition service, LocalStack stack, boolean loadTest) {
        Map<String, String> environment = new LinkedHashMap<>(
                service.environment(stack, "", name -> ServiceDefinition.named(name).localUrl()));
        if (loadTest && "enquiry".equals(service.name())) {
            environment.putAll(LoadTestSettings.ENQUIRY);
        }
        return environment;
    }

    /**
     * Trains (once per jar, in parallel) and then uses a class data archive for each service; one that cannot be
     * trained starts from its plain jar. Set COURSELINE_CDS=false to skip.
     */
    private static void useClassDataSharing(Map<ServiceDefinition, Path> jars, List<ServiceProcess> processes,
            LocalStack stack, boolean loadTest, Path cache, Path logs, Path root, Instant launched) {
        List<CompletableFuture<Void>> preparing = new ArrayList<>();
        jars.forEach((service, jar) -> {
            ServiceProcess process = processes.stream().filter(p -> p.name().equals(service.name())).findFirst()
                    .orElseThrow();
            preparing.add(CompletableFuture.runAsync(() -> ClassDataSharing.prepare(service.module(), jar, cache,
                    environmentOf(service, stack, loadTest), logs.resolve(service.module() + "-cds-training.log"))
                    .ifPresentOrElse(
                            prepared -> process.useClassDataSharing(prepared.extractedJar(), prepared.archive()),
                            () -> say("no class data archive for " + service.module() + " (see "
                                    + root.relativize(logs.resolve(service.module() + "-cds-training.log"))
                                    + "); it starts from its jar"))));
        });
        CompletableFuture.allOf(preparing.toArray(CompletableFuture[]::new)).join();
        say(String.format("class data archives ready after %.1f s (%s)", secondsSince(launched),
                root.relativize(cache)));
    }

    private static String banner(LocalStack stack, ServiceGroup services, double seconds, Path data) {
        StringBuilder text = new StringBuilder(
                String.format("%n[launcher] Courseline is up: open %s (all healthy %.1f s after launch).%n",
                        process(services, ServiceDefinition.WEBSITE.name()).baseUrl(), seconds));
        for (ServiceProcess service : services.services()) {
            text.append(String.format("[launcher]   %-22s %s   (pid %d)%n",
                    ServiceDefinition.named(service.name()).module(),
                    service.baseUrl(), service.pid()));
        }
        text.append(String.format("[launcher]   %-22s %s%n", "courses API",
                process(services, "catalogue").baseUrl() + "/api/courses"));
        for (ServiceProcess service : services.services()) {
            ServiceDefinition.named(service.name()).metricsPath().ifPresent(path -> text.append(String.format(
                    "[launcher]   %-22s %s   (Prometheus; docs/operations.md)%n", "metrics " + service.name(),
                    service.baseUrl() + path)));
        }
        MailRetention retention = stack.settings().mailRetention();
        text.append(String.format("[launcher]   %-22s %s   (JSON: %s/api/messages%s)%n", "mail inbox", stack.inboxUrl(),
                stack.inboxUrl(),
                retention.keepsAll() ? "" : String.format("; keeps the newest %,d emails", retention.keepNewest())));
        text.append(String.format("[launcher]   %-22s %s   (users cora, sam, sofia, ada; password courseline)%n",
                "identity provider", stack.issuerUri()));
        text.append(String.format("[launcher]   %-22s curl -s -X POST %s/token -d username=sam%n", "staff token",
                stack.issuerUri()));
        text.append(String.format("[launcher]   %-22s %s%n", "Kafka", stack.kafkaBootstrapServers()));
        text.append(String.format("[launcher]   %-22s %s%n", "MongoDB", stack.mongoUri("")));
        text.append(String.format("[launcher]   %-22s %s   (./run.sh --fresh starts empty)%n", "data", data));
        text.append(
                String.format("[launcher]   %-22s .courseline/logs/<service>.log (here: warnings and errors only)%n",
                        "service logs"));
        text.append(String.format("[launcher]   %-22s .courseline/stack.log, %s%n", "infrastructure logs",
                data.resolve("kafka/broker.log")));
        text.append(
                "[launcher] A service that dies is restarted (with back-off; given up after 5 crashes in 3 min).\n");
        text.append("[launcher] Ctrl-C stops everything.");
        return text.toString();
    }

    private static ServiceProcess process(ServiceGroup services, String name) {
        return services.services().stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow();
    }

    /** Ctrl-C ends the JVM; its shutdown hooks stop the supervisor, then the services, then the infrastructure. */
    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> portsInUse(LocalStackSettings settings) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "Kafka");
        ports.put(settings.kafkaControllerPort(), "the Kafka controller");
        ports.put(settings.mongoPort(), "MongoDB");
        ports.put(settings.smtpPort(), "SMTP");
        ports.put(settings.inboxPort(), "the mail inbox");
        ports.put(settings.identityPort(), "the identity provider");
        ServiceDefinition.COURSELINE.forEach(service -> ports.put(service.port(), service.module()));
        List<String> problems = new ArrayList<>();
        ports.forEach((port, what) -> {
            if (!Ports.isFree(port)) {
                problems.add("port " + port + " (" + what + ") is in use; stop what holds it "
                        + "(see: ss -ltnp 'sport = :" + port + "') and try again");
            }
        });
        return problems;
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    private static void say(String message) {
        System.out.println("[launcher] " + message);
    }
}
