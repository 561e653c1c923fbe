package dev.courseline.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.launcher.LoadTestSettings;
import dev.courseline.localstack.launcher.ServiceDefinition;
import dev.courseline.localstack.launcher.ServiceGroup;
import dev.courseline.localstack.launcher.ServiceProcess;
import dev.courseline.localstack.support.Ports;

/**
 * The website and the three services launched from their runnable jars as separate processes against this JVM's
 * local stack, on free ports, with their output kept in {@code target/e2e-logs/} for when a test fails. Every setting
 * naming another process (the APIs the website calls, the website's address in emails) points at its free port.
 */
final class CourselineSystem implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final ServiceGroup services;
    private final Map<String, ServiceProcess> byName = new HashMap<>();

    private CourselineSystem(ServiceGroup services) {
        this.services = services;
        services.services().forEach(service -> byName.put(service.name(), service));
    }

    static CourselineSystem launch(LocalStack stack) {
        Path root = Path.of(System.getProperty("courseline.repository.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("end-to-end-tests/target/e2e-logs");
        Map<String, Integer> ports = new HashMap<>();
        ServiceDefinition.COURSELINE.forEach(definition -> ports.put(definition.name(), Ports.freePort()));
        List<ServiceProcess> processes = ServiceDefinition.COURSELINE.stream().map(definition -> {
            int port = ports.get(definition.name());
            Map<String, String> environment = new HashMap<>(
                    definition.environment(stack, "-e2e", name -> "http://localhost:" + ports.get(name)));
            if ("enquiry".equals(definition.name())) {
                // Every journey comes from this machine, and a browser fills a form in well under a second.
                environment.putAll(LoadTestSettings.ENQUIRY);
            }
            if ("catalogue".equals(definition.name())) {
                // A new run reaches the public pages within the catalogue's max-age (60 s); the journeys need not wait that long.
                environment.put("CATALOGUE_CACHE_MAX_AGE", "3s");
            }
            Path jar = definition.executableJar(root).orElseThrow(() -> new IllegalStateException(
                    "no runnable jar for " + definition.module() + "; the reactor builds it before this module"));
            LogFile log = new LogFile(logs.resolve(definition.name() + ".log"));
            return new ServiceProcess(definition.name(), jar, port, environment, log::append);
        }).toList();
        ServiceGroup group = stack.closeFirst(new ServiceGroup(processes));
        group.start().awaitHealthy(START_TIMEOUT);
        return new CourselineSystem(group);
    }

    String url(String service, String path) {
        return byName.get(service).baseUrl() + path;
    }

    @Override
    public void close() {
        services.close();
    }

}
