package dev.courseline.enquiry.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void midweekRequestIsDueTwoDaysLaterAtTheSameTime() {
        // Tuesday 14:30 London -> Thursday 14:30
        assertThat(WorkingDays.add(Instant.parse("2026-11-24T14:30:00Z"), 2, LONDON))
                .isEqualTo(Instant.parse("2026-11-26T14:30:00Z"));
    }

    @Test
    void fridayAfternoonSkipsTheWeekend() {
        // Friday 16:00 -> Tuesday 16:00
        assertThat(WorkingDays.add(Instant.parse("2026-11-27T16:00:00Z"), 2, LONDON))
                .isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void aWeekendRequestCountsFromMondayMorning() {
        // Saturday 11:00 -> counted from Monday 00:00 -> Wednesday 00:00
        assertThat(WorkingDays.add(Instant.parse("2026-11-28T11:00:00Z"), 2, LONDON))
                .isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    }

    @Test
    void theBusinessTimeZoneDecidesWhatDayItIs() {
        // Friday 23:30 UTC is already Saturday in Singapore: counted from Monday 00:00 there.
        assertThat(WorkingDays.add(Instant.parse("2026-11-27T23:30:00Z"), 1, ZoneId.of("Asia/Singapore")))
                .isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void summerTimeChangesKeepTheLocalTime() {
        // Friday 27 March 2026 10:00 GMT -> Tuesday 31 March 10:00 BST = 09:00 UTC
        assertThat(WorkingDays.add(Instant.parse("2026-03-27T10:00:00Z"), 2, LONDON))
                .isEqualTo(Instant.parse("2026-03-31T09:00:00Z"));
    }
}
