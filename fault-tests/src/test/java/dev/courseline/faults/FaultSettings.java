package dev.courseline.faults;

import java.time.Duration;

/**
 * How long and how hard each scenario runs. The default build runs the short versions (a few seconds of fault, one
 * kill, one store restart, SMTP down just beyond the dispatcher's lease) so that the module stays within about five
 * minutes on a 2-core machine; {@code -Pfaults-long} sets {@code faults.long} and runs the lengths issue 21 asks for
 * (a 30 s pause, three kills) and longer outages (the store down 20 s three times, SMTP down four leases).
 * {@code poisonGoodRecords}: the valid records around each poison one; {@code temporaryRefusals}: how many times the
 * mail server answers 4xx to one recipient before it accepts; {@code crowd}: the learners enrolling at once on one run.
 */
record FaultSettings(boolean isLong, double quotesPerSecond, double enrolmentsPerSecond, Duration warmUp,
        Duration afterFault, Duration brokerPause, int brokerKills, int serviceKills, int seats, Duration recovery,
        Duration settle, Duration giveUpAfter, int poisonGoodRecords, Duration storeDown, int storeRestarts,
        Duration smtpOutage, int temporaryRefusals, int crowd) {

    static FaultSettings current() {
        return Boolean.getBoolean("faults.long")
                ? new FaultSettings(true, 6, 2, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                        3, 3, 20, Duration.ofMinutes(3), Duration.ofMinutes(3), Duration.ofMinutes(4), 1_000,
                        Duration.ofSeconds(20), 3, FaultSystem.DISPATCH_LEASE.multipliedBy(4), 4, 500)
                : new FaultSettings(false, 6, 2, Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(10),
                        1, 1, 20, Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofSeconds(90), 300,
                        Duration.ofSeconds(5), 1, FaultSystem.DISPATCH_LEASE.plusSeconds(3), 2, 500);
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "%.0f quote requests and %.0f enrolments a second, %d s of load "
                + "before the fault and at least %d s after it, a run of %d seats", quotesPerSecond,
                enrolmentsPerSecond, warmUp.toSeconds(), afterFault.toSeconds(), seats);
    }
}
