package dev.courseline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake measured in one run: the bare-Java ceiling, the minimal-intake reference and quote intake through the
 * running enquiry service, closed-loop at the same concurrency, then intake's latency at half its saturation rate;
 * with each process's CPU per request over every measured phase, and the enquiry service's CPU per quote over the
 * reference's, a figure that does not depend on the store's speed.
 */
final class IntakeBenchmark {

    private static final Duration QUIET_AT_MOST = Duration.ofMinutes(10);
    private static final String ENQUIRY = "enquiry-service";
    private static final String REFERENCE = "minimal-intake";

    private IntakeBenchmark() {
    }

    static List<String> run(Settings settings) throws Exception {
        List<LatencyRecorder.Phase> phases = new ArrayList<>();
        List<String> waits = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        ReferenceIntake reference = settings.reference() ? ReferenceIntake.start(settings) : null;
        double referenceMsPerQuote = Double.NaN;
        try {
            ProcessCpu processes = new ProcessCpu();
            waits.add(quiet(settings, "the ceiling"));
            try (BareCeiling ceiling = new BareCeiling(settings.mongoUri(), settings.kafka())) {
                AtomicLong sequence = new AtomicLong();
                phases.add(closed("bare-Java ceiling: insert + acknowledged send", settings, processes, cpu,
                        () -> ceiling.intake(sequence.getAndIncrement())).phase());
            }
            if (reference != null) {
                waits.add(quiet(settings, "the reference"));
                QuoteRequests referenceQuotes = new QuoteRequests(reference.url());
                AtomicLong sequence = new AtomicLong();
                Measured measured = closed("minimal-intake reference, saturated", settings, processes, cpu,
                        () -> referenceQuotes.send(sequence.getAndIncrement()));
                phases.add(measured.phase());
                referenceMsPerQuote = measured.msPerOperation(REFERENCE);
                reference.close();
            }
            waits.add(quiet(settings, "saturated intake"));
            QuoteRequests quotes = new QuoteRequests(settings.enquiryUrl());
            AtomicLong sequence = new AtomicLong();
            Measured saturated = closed("quote intake, saturated", settings, processes, cpu,
                    () -> quotes.send(sequence.getAndIncrement()));
            phases.add(saturated.phase());
            double halfRate = Math.max(1, saturated.phase().perSecond() / 2);
            waits.add(quiet(settings, "intake at half saturation"));
            AtomicLong openSequence = new AtomicLong(1_000_000_000L);
            ProcessCpu.Snapshot before = processes.snapshot();
            LatencyRecorder.Phase half = OpenLoop.run(String.format("quote intake at half saturation (%.0f/s)",
                    halfRate), halfRate, settings.duration(),
                    ignored -> quotes.sendAsync(openSequence.getAndIncrement()));
            cpuTable(cpu, half, before, processes.snapshot());
            phases.add(half);

            List<String> lines = new ArrayList<>();
            lines.add(LatencyRecorder.Phase.header());
            phases.forEach(phase -> lines.add(phase.row()));
            lines.add("");
            lines.add("Before each phase the run waited until the notification service had no email left to send: "
                    + String.join(", ", waits) + ".");
            lines.add(String.format("Intake reaches %.0f%% of the bare-Java ceiling (target: at least 70%%).",
                    100 * saturated.phase().perSecond() / phases.get(0).perSecond()));
            double enquiryMsPerQuote = saturated.msPerOperation(ENQUIRY);
            if (reference != null) {
                lines.add(String.format("CPU per quote, saturated: enquiry-service %.2f ms, minimal-intake reference "
                        + "%.2f ms; ratio **%.2f** (goal: 2.0 or less). The reference ran with the enquiry "
                        + "service's JVM flags: `%s`.", enquiryMsPerQuote, referenceMsPerQuote,
                        enquiryMsPerQuote / referenceMsPerQuote, String.join(" ", reference.flags())));
            }
            lines.add("");
            lines.add("CPU over each measured phase (from /proc; the load generator shares the same cores):");
            lines.addAll(cpu);
            return lines;
        } finally {
            if (reference != null) {
                reference.close();
            }
        }
    }

    /** A closed-loop phase after its warm-up (thrown away), with the CPU of each process over the measured part. */
    private static Measured closed(String name, Settings settings, ProcessCpu processes, List<String> cpu,
            Callable<Boolean> operation) throws InterruptedException {
        ClosedLoop.run("warm-up", settings.concurrency(), Duration.ZERO, settings.warmUp(), operation);
        ProcessCpu.Snapshot before = processes.snapshot();
        LatencyRecorder.Phase phase = ClosedLoop.run(name, settings.concurrency(), Duration.ZERO,
                settings.duration(), operation);
        ProcessCpu.Snapshot after = processes.snapshot();
        cpuTable(cpu, phase, before, after);
        return new Measured(phase, before, after);
    }

    private static void cpuTable(List<String> cpu, LatencyRecorder.Phase phase, ProcessCpu.Snapshot before,
            ProcessCpu.Snapshot after) {
        cpu.add("");
        cpu.add(phase.name().endsWith("/s)")
                ? phase.name() + ":"
                : String.format("%s (%.0f/s):", phase.name(), phase.perSecond()));
        cpu.add("");
        cpu.addAll(ProcessCpu.table(before, after, phase.operations()));
    }

    private record Measured(LatencyRecorder.Phase phase, ProcessCpu.Snapshot before, ProcessCpu.Snapshot after) {

        double msPerOperation(String process) {
            return ProcessCpu.msPerOperation(before, after, process, phase.operations());
        }
    }

    private static String quiet(Settings settings, String phase) {
        return String.format("%.0f s before %s", Quiet.await(settings.mongoUri(), QUIET_AT_MOST).toMillis() / 1000.0,
                phase);
    }
}
