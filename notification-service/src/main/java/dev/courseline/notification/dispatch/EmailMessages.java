package dev.courseline.notification.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import dev.courseline.notification.notification.EmailContent;
import dev.courseline.notification.notification.EmailContent.CalendarAttachment;
import dev.courseline.notification.notification.Notification;

/**
 * Builds the MIME message for a stored notification: plain text and HTML as alternatives, the .ics (if any) as an
 * attachment, and a {@code Message-ID} derived from the notification id, the same on every attempt.
 */
final class EmailMessages {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /*
     * Jakarta Mail looks its StreamProvider up through ServiceLoader at every encoding of every part: in a Boot jar
     * that reads META-INF/services of every nested jar, and a profile under load found two thirds of the service's
     * CPU there. Naming the provider (the one Angus Mail registers) skips the lookup; an explicit setting wins.
     */
    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private EmailMessages() {
    }

    static MimeMessage build(Session session, Notification notification, InternetAddress sender, Date sentAt)
            throws MessagingException {
        EmailContent content = notification.content();
        MimeMessage message = new StableIdMimeMessage(session, notification.messageId());
        message.setFrom(sender);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(notification.recipient(), true));
        message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(sentAt);

        MimeMultipart bodies = new MimeMultipart("alternative");
        bodies.addBodyPart(textPart(content.text(), "plain"));
        if (content.html() != null) {
            bodies.addBodyPart(textPart(content.html(), "html"));
        }
        if (content.calendar() == null) {
            message.setContent(bodies);
        } else {
            MimeBodyPart wrapper = new MimeBodyPart();
            wrapper.setContent(bodies);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(wrapper);
            mixed.addBodyPart(calendarPart(content.calendar()));
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private static MimeBodyPart calendarPart(CalendarAttachment calendar) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        String type = "text/calendar; charset=UTF-8; method=" + calendar.method();
        part.setDataHandler(new DataHandler(
                new ByteArrayDataSource(calendar.content().getBytes(StandardCharsets.UTF_8), type)));
        part.setFileName(calendar.fileName());
        part.setDisposition(Part.ATTACHMENT);
        // base64 keeps the calendar's CRLF line endings and folding exactly as written.
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** Jakarta Mail would invent a fresh Message-ID on every save; ours must be stable. */
    private static final class StableIdMimeMessage extends MimeMessage {

        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
