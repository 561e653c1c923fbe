package dev.courseline.notification.notification;

/**
 * PENDING waits for a dispatcher (now or after a back-off); SENDING is leased to one dispatcher worker; SENT was
 * accepted by the mail server; FAILED was refused permanently or ran out of attempts; ERASED lost its personal data
 * to an erasure request and will never be sent.
 */
public enum NotificationStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    ERASED
}
