package dev.courseline.faults;

import java.time.Duration;

/**
 * How long and how hard each scenario runs. The default build runs the short versions (a few seconds of fault, one
 * kill) so that the module stays within about four minutes on a 2-core machine; {@code -Pfaults-long} sets
 * {@code faults.long} and runs the lengths issue 21 asks for (a 30 s pause, three kills).
 */
record FaultSettings(boolean isLong, double quotesPerSecond, double enrolmentsPerSecond, Duration warmUp,
        Duration afterFault, Duration brokerPause, int brokerKills, int serviceKills, int seats, Duration recovery,
        Duration settle, Duration giveUpAfter) {

    static FaultSettings current() {
        return Boolean.getBoolean("faults.long")
                ? new FaultSettings(true, 6, 2, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                        3, 3, 20, Duration.ofMinutes(3), Duration.ofMinutes(3), Duration.ofMinutes(4))
                : new FaultSettings(false, 6, 2, Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(10),
                        1, 1, 20, Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofSeconds(90));
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "%.0f quote requests and %.0f enrolments a second, %d s of load "
                        + "before the fault and at least %d s after it, a run of %d seats", quotesPerSecond,
                enrolmentsPerSecond, warmUp.toSeconds(), afterFault.toSeconds(), seats);
    }
}
