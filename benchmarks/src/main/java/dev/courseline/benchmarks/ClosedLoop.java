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
        LatencyRecorder recorder = new LatencyRecorder();
        runFor(concurrency, warmUp, operation, recorder);
        recorder.drain("warm-up", warmUp);
        long started = System.nanoTime();
        runFor(concurrency, measured, operation, recorder);
        return recorder.drain(name, Duration.ofNanos(System.nanoTime() - started));
    }

    private static String name(int worker) {
        return "load-" + worker;
    }

    private static void runFor(int concurrency, Duration duration, Callable<Boolean> operation, LatencyRecorder recorder)
            throws InterruptedException {
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
