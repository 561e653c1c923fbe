package dev.courseline.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Latencies and errors of one measured phase, safe to record into from many threads. */
final class LatencyRecorder {

    private final Recorder recorder = new Recorder(3);
    private final LongAdder errors = new LongAdder();

    void record(long nanos) {
        recorder.recordValue(Math.max(1, nanos / 1_000));
    }

    void error() {
        errors.increment();
    }

    /** Everything recorded since the last call (so a warm-up can be thrown away). */
    Phase drain(String name, Duration elapsed) {
        Histogram histogram = recorder.getIntervalHistogram();
        long count = histogram.getTotalCount();
        return new Phase(name, count, errors.sumThenReset(), elapsed.toMillis() / 1000.0,
                count / (elapsed.toMillis() / 1000.0),
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    /** The figures of one phase; latencies in milliseconds. */
    record Phase(String name, long operations, long errors, double seconds, double perSecond, double p50, double p90,
            double p99, double max) {

        String row() {
            return String.format("| %s | %d | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f |", name, operations, errors,
                    seconds, perSecond, p50, p90, p99, max);
        }

        static String header() {
            return "| phase | operations | errors | seconds | per second | p50 ms | p90 ms | p99 ms | max ms |\n"
                    + "|---|---|---|---|---|---|---|---|---|";
        }
    }
}
