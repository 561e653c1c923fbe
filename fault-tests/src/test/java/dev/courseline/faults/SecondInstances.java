package dev.courseline.faults;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.courseline.localstack.launcher.ServiceGroup;
import dev.courseline.localstack.launcher.ServiceProcess;

/**
 * Second instances of some services beside the suite's first ones ({@link FaultSystem#startSecondInstances}), as a
 * second replica of each would run in production; closing stops those still running.
 */
final class SecondInstances implements AutoCloseable {

    private final ServiceGroup group;
    private final Map<String, ServiceProcess> byService;

    SecondInstances(ServiceGroup group) {
        this.group = group;
        this.byService = group.services().stream().collect(Collectors.toMap(
                process -> process.name().substring(0, process.name().lastIndexOf('-')), Function.identity()));
    }

    /** The second instance's address, for {@code path} ("" for its base URL). */
    String url(String service, String path) {
        return byService.get(service).baseUrl() + path;
    }

    /** SIGKILL, as a crash ends it; it stays down. */
    void kill(String service) {
        FaultSystem.kill(byService.get(service));
    }

    boolean isRunning(String service) {
        return byService.get(service).isRunning();
    }

    boolean allRunning() {
        return byService.values().stream().allMatch(ServiceProcess::isRunning);
    }

    @Override
    public void close() {
        group.close();
    }
}
