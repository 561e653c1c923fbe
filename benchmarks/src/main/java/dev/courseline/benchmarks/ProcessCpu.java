package dev.courseline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of the local stack's processes, of this benchmark's own JVM and of the whole machine over a measured
 * phase, from {@code /proc} (Linux only): on two shared cores, where a request's time goes is mostly whose turn it
 * is on the CPU. Ticks are {@code USER_HZ}, 100 a second on Linux.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0;
    private static final List<String> MODULES = List.of("website", "catalogue-service", "enquiry-service",
            "notification-service", "minimal-intake");

    private final Map<String, Long> pids = new LinkedHashMap<>();

    ProcessCpu() {
        for (String module : MODULES) {
            Processes.service(module).ifPresent(pid -> pids.put(module, pid));
        }
        Processes.launcher().ifPresent(pid -> pids.put("launcher (store, broker, SMTP, identity)", pid));
        pids.put("this benchmark (load generator)", ProcessHandle.current().pid());
    }

    /** The ticks used so far by each process and by the whole machine (busy and all). */
    record Snapshot(long nanos, Map<String, Long> ticks, long machineBusy, long machineAll) {
    }

    Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticksOf(pid).ifPresent(value -> ticks.put(name, value)));
        long[] machine = machineTicks();
        return new Snapshot(System.nanoTime(), ticks, machine[0], machine[1]);
    }

    /** A table of each process's share of a core and CPU milliseconds per operation between two snapshots. */
    static List<String> table(Snapshot from, Snapshot to, long operations) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        List<String> lines = new ArrayList<>();
        lines.add("| process | % of one core | CPU ms per request |");
        lines.add("|---|---|---|");
        long listed = 0;
        for (Map.Entry<String, Long> entry : to.ticks().entrySet()) {
            Long before = from.ticks().get(entry.getKey());
            if (before == null) {
                continue;
            }
            long used = entry.getValue() - before;
            listed += used;
            lines.add(row(entry.getKey(), used, seconds, operations));
        }
        long busy = to.machineBusy() - from.machineBusy();
        long all = to.machineAll() - from.machineAll();
        lines.add(row("anything else on the machine", Math.max(0, busy - listed), seconds, operations));
        lines.add(row("whole machine (" + Runtime.getRuntime().availableProcessors() + " cores)", busy, seconds,
                operations));
        if (all > 0) {
            lines.add("");
            lines.add(String.format("The machine was %.0f%% busy over the phase (all cores).", 100.0 * busy / all));
        }
        return lines;
    }

    /** CPU milliseconds per operation of one process between two snapshots; NaN when it was not found in both. */
    static double msPerOperation(Snapshot from, Snapshot to, String process, long operations) {
        Long before = from.ticks().get(process);
        Long after = to.ticks().get(process);
        if (before == null || after == null || operations == 0) {
            return Double.NaN;
        }
        return (after - before) * 1000 / TICKS_PER_SECOND / operations;
    }

    private static String row(String name, long ticks, double seconds, long operations) {
        return String.format("| %s | %.0f | %.2f |", name, 100.0 * ticks / TICKS_PER_SECOND / seconds,
                operations == 0 ? 0 : ticks * 1000 / TICKS_PER_SECOND / operations);
    }

    private static OptionalLong ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After the command name (in parentheses, may hold spaces) utime is the 12th field and stime the 13th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Busy and total ticks of all cores from the first line of {@code /proc/stat}. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                all += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[]{all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
