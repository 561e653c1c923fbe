package dev.courseline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 4's intake measurement: the bare-Java ceiling and quote intake through the running enquiry service, at the
 * same concurrency, in the same run; then intake's latency at half its saturation rate.
 */
final class IntakeBenchmark {

    private static final Duration QUIET_AT_MOST = Duration.ofMinutes(10);

    private IntakeBenchmark() {
    }

    static List<String> run(Settings settings) throws Exception {
        List<LatencyRecorder.Phase> phases = new ArrayList<>();
        List<String> waits = new ArrayList<>();
        waits.add(quiet(settings, "the ceiling"));
        try (BareCeiling ceiling = new BareCeiling(settings.mongoUri(), settings.kafka())) {
            AtomicLong sequence = new AtomicLong();
            phases.add(ClosedLoop.run("bare-Java ceiling: insert + acknowledged send", settings.concurrency(),
                    settings.warmUp(), settings.duration(), () -> ceiling.intake(sequence.getAndIncrement())));
        }
        waits.add(quiet(settings, "saturated intake"));
        QuoteRequests quotes = new QuoteRequests(settings.enquiryUrl());
        AtomicLong sequence = new AtomicLong();
        LatencyRecorder.Phase saturated = ClosedLoop.run("quote intake, saturated", settings.concurrency(),
                settings.warmUp(), settings.duration(), () -> quotes.send(sequence.getAndIncrement()));
        phases.add(saturated);
        double halfRate = Math.max(1, saturated.perSecond() / 2);
        waits.add(quiet(settings, "intake at half saturation"));
        AtomicLong openSequence = new AtomicLong(1_000_000_000L);
        phases.add(OpenLoop.run(String.format("quote intake at half saturation (%.0f/s)", halfRate), halfRate,
                settings.duration(), ignored -> quotes.sendAsync(openSequence.getAndIncrement())));

        List<String> lines = new ArrayList<>();
        lines.add(LatencyRecorder.Phase.header());
        phases.forEach(phase -> lines.add(phase.row()));
        lines.add("");
        lines.add("Before each phase the run waited until the notification service had no email left to send: "
                + String.join(", ", waits) + ".");
        lines.add(String.format("Intake reaches %.0f%% of the bare-Java ceiling (target: at least 70%%).",
                100 * saturated.perSecond() / phases.get(0).perSecond()));
        return lines;
    }

    private static String quiet(Settings settings, String phase) {
        return String.format("%.0f s before %s", Quiet.await(settings.mongoUri(), QUIET_AT_MOST).toMillis() / 1000.0,
                phase);
    }
}
