package dev.courseline.localstack.mail;

import java.util.Optional;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What the stored copies of one email share. GreenMail stores one copy per recipient mailbox; the inbox lists an email
 * once and the retention cap counts it once, so both group copies by this key.
 */
final class EmailKey {

    private EmailKey() {
    }

    static String of(StoredMessage stored) {
        MimeMessage mime = stored.getMimeMessage();
        try {
            return Optional.ofNullable(mime.getMessageID())
                    .orElse(stored.getReceivedDate().toInstant() + "/" + mime.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException("could not read the headers of a received email", e);
        }
    }
}
