package dev.courseline.localstack.mail;

import java.time.Instant;
import java.util.List;

/** One email as the inbox shows it, whatever its number of recipients. */
public record InboxMessage(
        String id,
        String messageId,
        String from,
        List<String> to,
        List<String> cc,
        String subject,
        String text,
        String html,
        List<String> attachments,
        Instant receivedAt) {
}
