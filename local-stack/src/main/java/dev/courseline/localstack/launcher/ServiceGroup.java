package dev.courseline.localstack.launcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Services started, awaited and stopped together, in parallel. */
public final class ServiceGroup implements AutoCloseable {

    private final List<ServiceProcess> services;

    public ServiceGroup(List<ServiceProcess> services) {
        this.services = List.copyOf(services);
    }

    public List<ServiceProcess> services() {
        return services;
    }

    public ServiceGroup start() {
        services.forEach(ServiceProcess::start);
        return this;
    }

    /** Waits for all of them at once; the first failure is thrown. */
    public ServiceGroup awaitHealthy(Duration timeout) {
        try {
            CompletableFuture.allOf(services.stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.awaitHealthy(timeout)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return this;
    }

    @Override
    public void close() {
        CompletableFuture.allOf(services.stream()
                .map(service -> CompletableFuture.runAsync(service::stop))
                .toArray(CompletableFuture[]::new)).join();
    }
}
