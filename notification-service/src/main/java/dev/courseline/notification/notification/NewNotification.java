package dev.courseline.notification.notification;

import java.util.List;

/**
 * An email an event calls for, before it is recorded. {@code personEmailHashes} are the SHA-256 of the lower-cased
 * email of each person whose data the email carries, so an erasure request can find it. {@code relatedIds} are the
 * other ids the email is about besides {@code aboutId}: a lead's emails name both the lead and its enquiry, so that
 * the delivery log finds all of them by either.
 */
public record NewNotification(
        NotificationKind kind,
        String recipient,
        String aboutId,
        EmailContent content,
        List<String> personEmailHashes,
        List<String> relatedIds) {

    public NewNotification {
        relatedIds = relatedIds == null ? List.of() : relatedIds.stream().filter(id -> id != null).toList();
    }

    /** An email about one thing only (an enrolment). */
    public NewNotification(NotificationKind kind, String recipient, String aboutId, EmailContent content,
            List<String> personEmailHashes) {
        this(kind, recipient, aboutId, content, personEmailHashes, List.of());
    }
}
