package dev.courseline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A fixed number of workers, each doing one operation after another as fast as the system answers: the way to find
 * a path's saturation throughput at a given concurrency.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** Runs a warm-up whose figures are discarded, then the measured phase. */
    static LatencyRecorder.Phase run(String name, int concurrency, Duration warmUp, Duration measured,
            Callable<Boolean> operation) throws InterruptedException {
        return run(name, concurrency, warmUp, measured, Duration.ZERO, operation);
    }

    /**
     * The same with {@code think} between one operation's answer and the worker's next operation (untimed): people
     * reading a page before they open the next, rather than a load generator asking as fast as it is answered.
     */
    static LatencyRecorder.Phase run(String name, int concurrency, Duration warmUp, Duration measured, Duration think,
            Callable<Boolean> operation) throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        runFor(concurrency, warmUp, think, operation, recorder);
        recorder.drain("warm-up", warmUp);
        long started = System.nanoTime();
        runFor(concurrency, measured, think, operation, recorder);
        return recorder.drain(name, Duration.ofNanos(System.nanoTime() - started));
    }

    private static String name(int worker) {
        return "load-" + worker;
    }

    private static void runFor(int concurrency, Duration duration, Duration think, Callable<Boolean> operation,
            LatencyRecorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        if (operation.call()) {
                            recorder.record(System.nanoTime() - start);
                        } else {
                            recorder.error();
                        }
                    } catch (Exception e) {
                        recorder.error();
                    }
                    if (!think.isZero()) {
                        // Each visitor's first request starts at a random moment, so the visitors do not march in step.
                        java.util.concurrent.locks.LockSupport.parkNanos(think.toNanos() / 2
                                + java.util.concurrent.ThreadLocalRandom.current().nextLong(think.toNanos()));
                    }
                }
            }, name(i));
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
