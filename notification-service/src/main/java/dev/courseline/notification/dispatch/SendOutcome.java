package dev.courseline.notification.dispatch;

import java.time.Instant;

import dev.courseline.notification.notification.Notification;

/** What the mail server made of one send: worked out on the sending thread, then recorded under the lease. */
sealed interface SendOutcome {

    Notification notification();

    record Accepted(Notification notification) implements SendOutcome {
    }

    /** A 5xx: the notification fails at once; staff can retry it. */
    record Refused(Notification notification, Instant at, String error) implements SendOutcome {
    }

    /** Anything else: tried again at {@code retryAt}, or given up on when that is null. */
    record Failed(Notification notification, Instant at, String error, Instant retryAt) implements SendOutcome {
    }
}
