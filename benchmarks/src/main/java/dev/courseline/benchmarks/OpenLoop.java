package dev.courseline.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Phaser;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Operations started at a fixed rate whatever the system's answer time, each timed from the moment it was due
 * (not from when it could be sent), so a stalled system cannot hide its queueing delay.
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /** @param operation given the operation's sequence number, starts it and completes with its success */
    static LatencyRecorder.Phase run(String name, double perSecond, Duration duration,
            LongFunction<CompletableFuture<Boolean>> operation) {
        LatencyRecorder recorder = new LatencyRecorder();
        long interval = (long) (1_000_000_000L / perSecond);
        long total = (long) (perSecond * duration.toSeconds());
        Phaser inFlight = new Phaser(1);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.register();
            operation.apply(i).whenComplete((ok, failure) -> {
                if (failure == null && Boolean.TRUE.equals(ok)) {
                    recorder.record(System.nanoTime() - due);
                } else {
                    recorder.error();
                }
                inFlight.arriveAndDeregister();
            });
        }
        inFlight.arriveAndAwaitAdvance();
        return recorder.drain(name, Duration.ofNanos(System.nanoTime() - start));
    }
}
