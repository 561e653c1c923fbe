package dev.courseline.catalogue.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;
import dev.courseline.catalogue.web.InvalidTransitionException;

class RunTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static Run draft() {
        Schedule schedule = new Schedule(LocalDateTime.parse("2027-03-08T09:00"),
                LocalDateTime.parse("2027-03-09T17:00"),
                ZoneId.of("America/New_York"));
        return Run.draft("run-1", "psm", "Professional Scrum Master (PSM)", schedule, DeliveryMode.ONLINE, null, 4, 16,
                Money.of("1495", "USD"), null, NOW);
    }

    @Test
    void followsDraftScheduledConfirmedCompletedAndCountsVersions() {
        Run completed = draft().schedule(NOW).confirm(NOW).complete(NOW);
        assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(completed.version()).isEqualTo(4);
        assertThat(completed.price().amount()).hasToString("1495.00");
    }

    @Test
    void canBeCancelledFromEveryOpenStateOnly() {
        assertThat(draft().cancel(NOW).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(draft().schedule(NOW).cancel(NOW).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(draft().schedule(NOW).confirm(NOW).cancel(NOW).status()).isEqualTo(RunStatus.CANCELLED);
        Run completed = draft().schedule(NOW).confirm(NOW).complete(NOW);
        assertThatThrownBy(() -> completed.cancel(NOW)).isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("COMPLETED");
        Run cancelled = draft().cancel(NOW);
        assertThatThrownBy(() -> cancelled.cancel(NOW)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> cancelled.reschedule(cancelled.schedule(), NOW))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> cancelled.changeCapacity(1, 2, NOW)).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void skipsNoStep() {
        assertThatThrownBy(() -> draft().confirm(NOW)).isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("confirm").hasMessageContaining("DRAFT");
        assertThatThrownBy(() -> draft().schedule(NOW).complete(NOW)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> draft().schedule(NOW).schedule(NOW)).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void keepsLocalTimesAndDerivesUtcAcrossDaylightSavingChanges() {
        Run run = draft();
        // New York is still on EST (UTC-5) on 8 March 2027; DST starts on 14 March.
        assertThat(run.startUtc()).isEqualTo(Instant.parse("2027-03-08T14:00:00Z"));
        Run moved = run.reschedule(new Schedule(LocalDateTime.parse("2027-03-15T09:00"),
                LocalDateTime.parse("2027-03-16T17:00"), ZoneId.of("America/New_York")), NOW);
        assertThat(moved.start()).isEqualTo(LocalDateTime.parse("2027-03-15T09:00"));
        assertThat(moved.startUtc()).isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
        assertThat(moved.endUtc()).isEqualTo(Instant.parse("2027-03-16T21:00:00Z"));
        assertThat(moved.version()).isEqualTo(2);
    }
}
