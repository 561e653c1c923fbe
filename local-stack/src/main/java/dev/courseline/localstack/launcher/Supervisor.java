package dev.courseline.localstack.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Restarts a supervised process that dies, after a back-off that doubles with each crash in a row, and says so on the
 * console; after {@link Policy#maxCrashes()} crashes within {@link Policy#window()} it gives up on that process, names
 * the log to read, and leaves the others running. Closing it (Ctrl-C) stops all restarts before the processes stop.
 */
public final class Supervisor implements AutoCloseable {

    /** How eagerly to restart, and when to give up. */
    public record Policy(Duration firstBackOff, Duration maxBackOff, int maxCrashes, Duration window,
            Duration healthTimeout) {

        /** The launcher's: 1 s, 2 s, 4 s ... at most 15 s; giving up after 5 crashes within 3 minutes. */
        public static Policy launcher() {
            return new Policy(Duration.ofSeconds(1), Duration.ofSeconds(15), 5, Duration.ofMinutes(3),
                    Duration.ofSeconds(180));
        }
    }

    private final List<? extends Supervised> processes;
    private final Policy policy;
    private final Function<String, Path> logOf;
    private final Consumer<String> console;
    private final Clock clock;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "launcher-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Deque<Instant>> crashes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> givenUp = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param logOf   the full log of a process, named when giving up
     * @param console receives the supervisor's lines, already prefixed with {@code [launcher] }
     */
    public Supervisor(List<? extends Supervised> processes, Policy policy, Function<String, Path> logOf,
            Consumer<String> console, Clock clock) {
        this.processes = List.copyOf(processes);
        this.policy = policy;
        this.logOf = logOf;
        this.console = console;
        this.clock = clock;
    }

    /** Starts watching the processes, which are already started. */
    public Supervisor watch() {
        processes.forEach(this::watch);
        return this;
    }

    /** Whether it stopped restarting this process. */
    public boolean gaveUpOn(String name) {
        return givenUp.getOrDefault(name, false);
    }

    /** Crashes of this process within the current window. */
    public synchronized int recentCrashes(String name) {
        Deque<Instant> times = crashes.get(name);
        return times == null ? 0 : times.size();
    }

    private void watch(Supervised process) {
        process.onExit().whenComplete((ended, failure) -> {
            if (!closed) {
                crashed(process);
            }
        });
    }

    private void crashed(Supervised process) {
        int inWindow = record(process.name());
        String exit = process.exitCode().isPresent() ? "exit code " + process.exitCode().getAsInt() : "no exit code";
        if (inWindow >= policy.maxCrashes()) {
            givenUp.put(process.name(), true);
            say(process.name() + " died (" + exit + ") " + inWindow + " times within "
                    + describe(policy.window()) + "; giving up on it. Read " + logOf.apply(process.name())
                    + "; the rest keeps running, Ctrl-C stops everything.");
            return;
        }
        Duration backOff = backOff(inWindow);
        say(process.name() + " died (" + exit + "); restarting it in " + describe(backOff) + " (crash " + inWindow
                + " of at most " + policy.maxCrashes() + " within " + describe(policy.window()) + ")");
        try {
            restarts.schedule(() -> restart(process), backOff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // Closed meanwhile: nothing restarts after Ctrl-C.
        }
    }

    private void restart(Supervised process) {
        if (closed) {
            return;
        }
        Instant started = clock.instant();
        try {
            process.start();
        } catch (RuntimeException e) {
            say(process.name() + " could not be started again: " + e.getMessage());
            givenUp.put(process.name(), true);
            return;
        }
        watch(process);
        try {
            process.awaitHealthy(policy.healthTimeout());
            say(String.format("%s restarted: healthy again after %.1f s", process.name(),
                    Duration.between(started, clock.instant()).toMillis() / 1000.0));
        } catch (RuntimeException e) {
            // It died again while starting: its exit is already being handled as the next crash.
        }
    }

    /** Adds a crash now and forgets those older than the window; returns how many remain. */
    private synchronized int record(String name) {
        Instant now = clock.instant();
        Deque<Instant> times = crashes.computeIfAbsent(name, key -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(policy.window()))) {
            times.removeFirst();
        }
        return times.size();
    }

    private Duration backOff(int crashInWindow) {
        Duration backOff = policy.firstBackOff();
        for (int i = 1; i < crashInWindow && backOff.compareTo(policy.maxBackOff()) < 0; i++) {
            backOff = backOff.multipliedBy(2);
        }
        return backOff.compareTo(policy.maxBackOff()) > 0 ? policy.maxBackOff() : backOff;
    }

    private static String describe(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + " ms";
        }
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
    }

    private void say(String message) {
        console.accept("[launcher] " + message);
    }

    @Override
    public void close() {
        closed = true;
        restarts.shutdownNow();
    }
}
