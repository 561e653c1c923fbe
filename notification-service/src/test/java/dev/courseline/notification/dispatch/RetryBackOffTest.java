package dev.courseline.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.courseline.notification.config.NotificationProperties.Retry;

class RetryBackOffTest {

    private final RetryBackOff backOff = new RetryBackOff(
            new Retry(Duration.ofSeconds(2), 2.0, Duration.ofMinutes(1), 5));

    @Test
    void theDelayDoublesAfterEachFailureUpToTheCap() {
        assertThat(backOff.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backOff.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backOff.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backOff.delayAfter(10)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void afterTheLastAttemptThereIsNoNextOne() {
        Instant now = Instant.parse("2026-11-22T16:00:00Z");
        assertThat(backOff.nextAttempt(4, now)).isEqualTo(now.plusSeconds(16));
        assertThat(backOff.nextAttempt(5, now)).isNull();
    }
}
