package dev.courseline.notification.notification;

import java.util.List;

/**
 * An email an event calls for, before it is recorded. {@code personEmailHashes} are the SHA-256 of the lower-cased
 * email of each person whose data the email carries, so an erasure request can find it.
 */
public record NewNotification(
        NotificationKind kind,
        String recipient,
        String aboutId,
        EmailContent content,
        List<String> personEmailHashes) {
}
