package dev.courseline.notification.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A message as the mail server received it, taken apart: headers, the text and HTML bodies, the calendar file. */
public record ReceivedEmail(
        String subject,
        List<String> to,
        String messageId,
        String text,
        String html,
        String calendar,
        String calendarContentType,
        MimeMessage raw) {

    public static ReceivedEmail parse(MimeMessage message) {
        try {
            Parts parts = new Parts();
            collect(message, parts);
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString).toList();
            return new ReceivedEmail(message.getSubject(), to, message.getMessageID(), parts.text, parts.html,
                    parts.calendar, parts.calendarType, message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot parse a received email", e);
        }
    }

    public String header(String name) {
        try {
            String[] values = raw.getHeader(name);
            return values == null ? null : String.join("\n", values);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, Parts parts) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
        } else if (part.isMimeType("text/calendar")) {
            parts.calendarType = part.getContentType();
            try (InputStream in = part.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                parts.calendar = out.toString(StandardCharsets.UTF_8);
            }
        } else if (part.isMimeType("text/html")) {
            parts.html = (String) part.getContent();
        } else if (part.isMimeType("text/plain")) {
            parts.text = (String) part.getContent();
        }
    }

    private static final class Parts {
        String text;
        String html;
        String calendar;
        String calendarType;
    }
}
