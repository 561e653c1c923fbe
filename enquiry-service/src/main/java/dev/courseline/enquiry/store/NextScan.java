package dev.courseline.enquiry.store;

import java.time.Duration;
import java.time.Instant;

/**
 * When a periodic scan for records coming due has to run again. The embedded store answers such a query by reading
 * the whole collection under its lock (seconds, with tens of thousands of enquiries, while intake waits), so a scan
 * that cannot find anything is skipped. After a scan that began at {@code t}, nothing comes due before the earliest
 * due time the scan saw pending, nor, for a record written after {@code t}, before {@code t} plus the shortest time a
 * record waits (a lead's response window, the retention period). Kept in memory: a restarted instance scans at once.
 */
public final class NextScan {

    /** Room for writes in flight when a scan began, and for a day of 23 hours when the clocks change. */
    static final Duration SLACK = Duration.ofHours(2);

    private final Duration shortestWait;
    private volatile Instant at = Instant.MIN;

    public NextScan(Duration shortestWait) {
        this.shortestWait = shortestWait;
    }

    public boolean isDue(Instant now) {
        return !now.isBefore(at);
    }

    /** Records a scan that began at {@code startedAt} and finished; {@code earliestPending} is null if it saw none. */
    public void scanned(Instant startedAt, Instant earliestPending) {
        Instant bound = shortestWait.compareTo(SLACK) > 0 ? startedAt.plus(shortestWait).minus(SLACK) : startedAt;
        at = earliestPending != null && earliestPending.isBefore(bound) ? earliestPending : bound;
    }
}
