package dev.courseline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the resident memory of the website and the three services (found by their runnable jar in {@code /proc})
 * twice a second while a benchmark runs, for the foundation's target: each at or under 256 MiB under load. Linux only;
 * elsewhere, or when a process is not found, the report says so instead of a figure.
 */
final class ResidentMemory implements AutoCloseable {

    static final long TARGET_KIB = 256 * 1024;
    private static final List<String> SERVICES = List.of("website", "catalogue-service", "enquiry-service",
            "notification-service");

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, long[]> startPeakEnd = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "resident-memory");
        thread.setDaemon(true);
        return thread;
    });

    private ResidentMemory() {
    }

    static ResidentMemory start() {
        ResidentMemory memory = new ResidentMemory();
        for (String service : SERVICES) {
            Processes.service(service).ifPresent(pid -> memory.pids.put(service, pid));
        }
        memory.pids.forEach((service, pid) -> residentKib(pid)
                .ifPresent(kib -> memory.startPeakEnd.put(service, new long[]{kib, kib, kib})));
        memory.sampler.scheduleAtFixedRate(memory::sample, 500, 500, TimeUnit.MILLISECONDS);
        return memory;
    }

    private synchronized void sample() {
        pids.forEach((service, pid) -> residentKib(pid).ifPresent(kib -> {
            long[] figures = startPeakEnd.get(service);
            if (figures != null) {
                figures[1] = Math.max(figures[1], kib);
                figures[2] = kib;
            }
        }));
    }

    /** The table of the report: resident memory at the start, at its peak and at the end, in MiB. */
    synchronized List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Resident memory of the services (VmRSS from /proc, sampled every 0.5 s through the run; target: at "
                + "or under " + TARGET_KIB / 1024 + " MiB under load):");
        lines.add("");
        lines.add("| service | start MiB | peak MiB | end MiB | target |");
        lines.add("|---|---|---|---|---|");
        for (String service : SERVICES) {
            long[] figures = startPeakEnd.get(service);
            if (figures == null) {
                lines.add("| " + service + " | not found | | | |");
                continue;
            }
            lines.add("| %s | %.1f | %.1f | %.1f | %s |".formatted(service, mib(figures[0]), mib(figures[1]),
                    mib(figures[2]), figures[1] <= TARGET_KIB ? "met" : "NOT met"));
        }
        return lines;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        sample();
    }

    private static double mib(long kib) {
        return kib / 1024.0;
    }

    private static OptionalLong residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended: no sample
        }
        return OptionalLong.empty();
    }
}
