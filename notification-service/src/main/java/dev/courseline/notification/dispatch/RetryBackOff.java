package dev.courseline.notification.dispatch;

import java.time.Duration;
import java.time.Instant;

import dev.courseline.notification.config.NotificationProperties.Retry;

/**
 * When to try again after a temporary failure: the delay doubles (by {@code multiplier}) after each failed attempt,
 * up to {@code maxDelay}, and after {@code maxAttempts} failures the notification is given up on.
 */
public final class RetryBackOff {

    private final Retry retry;

    public RetryBackOff(Retry retry) {
        this.retry = retry;
    }

    /** The delay after the n-th consecutive failed attempt (1-based). */
    public Duration delayAfter(int failedAttempts) {
        double millis = retry.initialDelay().toMillis() * Math.pow(retry.multiplier(), Math.max(0, failedAttempts - 1));
        long capped = (long) Math.min(millis, retry.maxDelay().toMillis());
        return Duration.ofMillis(capped);
    }

    /** The time of the next attempt, or null when {@code failedAttempts} used up the budget. */
    public Instant nextAttempt(int failedAttempts, Instant now) {
        return failedAttempts >= retry.maxAttempts() ? null : now.plus(delayAfter(failedAttempts));
    }
}
