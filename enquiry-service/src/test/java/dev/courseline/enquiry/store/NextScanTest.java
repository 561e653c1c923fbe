package dev.courseline.enquiry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class NextScanTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration TWO_DAYS = Duration.ofDays(2);

    @Test
    void aFreshScheduleScansAtOnce() {
        assertThat(new NextScan(TWO_DAYS).isDue(START)).isTrue();
    }

    @Test
    void afterAScanThatSawNothingPendingTheNextIsDueWhenARecordWrittenSinceCouldBe() {
        NextScan next = new NextScan(TWO_DAYS);
        next.scanned(START, null);

        Instant earliestNewDeadline = START.plus(TWO_DAYS).minus(NextScan.SLACK);
        assertThat(next.isDue(START.plus(Duration.ofDays(1)))).isFalse();
        assertThat(next.isDue(earliestNewDeadline.minusSeconds(1))).isFalse();
        assertThat(next.isDue(earliestNewDeadline)).isTrue();
    }

    @Test
    void aPendingRecordSeenByTheScanMakesTheNextDueAtItsTime() {
        NextScan next = new NextScan(TWO_DAYS);
        Instant pendingAt = START.plus(Duration.ofHours(5));
        next.scanned(START, pendingAt);

        assertThat(next.isDue(pendingAt.minusSeconds(1))).isFalse();
        assertThat(next.isDue(pendingAt)).isTrue();
    }

    @Test
    void aPendingRecordLaterThanAnyNewOneCouldBeDoesNotPostponeTheNextScan() {
        NextScan next = new NextScan(TWO_DAYS);
        next.scanned(START, START.plus(Duration.ofDays(30)));

        assertThat(next.isDue(START.plus(TWO_DAYS))).isTrue();
    }

    @Test
    void aWaitNoLongerThanTheSlackScansAtEveryCheck() {
        NextScan next = new NextScan(Duration.ofHours(1));
        next.scanned(START, START.plus(Duration.ofHours(1)));

        assertThat(next.isDue(START.plusSeconds(1))).isTrue();
    }
}
