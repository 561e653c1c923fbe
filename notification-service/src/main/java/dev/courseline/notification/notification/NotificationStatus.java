package dev.courseline.notification.notification;

/**
 * PENDING waits for a dispatcher worker to claim it (now or after a back-off); SENDING is leased, by a worker's claim
 * or, when fresh, from the moment it was recorded, to the dispatcher of the instance that recorded it; SENT was
 * accepted by the mail server; FAILED was refused permanently or ran out of attempts; ERASED lost its personal data
 * to an erasure request and will never be sent.
 */
public enum NotificationStatus {
    PENDING, SENDING, SENT, FAILED, ERASED
}
