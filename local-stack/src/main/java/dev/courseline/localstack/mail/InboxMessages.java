package dev.courseline.localstack.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads what GreenMail received. GreenMail keeps one copy per recipient mailbox, so copies are merged by
 * {@code Message-ID} (the earliest copy wins) and each email is listed once.
 */
public final class InboxMessages {

    private final GreenMail greenMail;
    /** Parsing MIME is the cost of a page view; GreenMail's stored messages never change, so each is read once. */
    private final Map<StoredMessage, InboxMessage> parsed = Collections.synchronizedMap(new WeakHashMap<>());

    public InboxMessages(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Newest first. */
    public List<InboxMessage> all() {
        List<StoredMessage> stored = new ArrayList<>(greenMail.getManagers().getImapHostManager().getAllMessages());
        // The uid keeps emails received in the same millisecond in arrival order (within a mailbox).
        stored.sort(Comparator.comparing(StoredMessage::getReceivedDate).thenComparingLong(StoredMessage::getUid));
        Map<String, InboxMessage> byMessageId = new LinkedHashMap<>();
        for (StoredMessage message : stored) {
            InboxMessage inboxMessage = parsed.computeIfAbsent(message, InboxMessages::read);
            byMessageId.putIfAbsent(inboxMessage.messageId(), inboxMessage);
        }
        List<InboxMessage> newestFirst = new ArrayList<>(byMessageId.values());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public Optional<InboxMessage> byId(String id) {
        return all().stream().filter(message -> message.id().equals(id)).findFirst();
    }

    private static InboxMessage read(StoredMessage stored) {
        MimeMessage mime = stored.getMimeMessage();
        Instant receivedAt = stored.getReceivedDate().toInstant();
        try {
            String messageId = EmailKey.of(stored);
            Body body = new Body();
            body.collect(mime);
            return new InboxMessage(
                    shortId(messageId),
                    messageId,
                    addresses(mime.getFrom()).stream().findFirst().orElse(""),
                    addresses(mime.getRecipients(Message.RecipientType.TO)),
                    addresses(mime.getRecipients(Message.RecipientType.CC)),
                    Optional.ofNullable(mime.getSubject()).orElse(""),
                    body.text,
                    body.html,
                    List.copyOf(body.attachments),
                    receivedAt);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read a received email", e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String shortId(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks the MIME tree: the first plain and HTML parts that are not attachments are the bodies. */
    private static final class Body {
        private String text;
        private String html;
        private final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(Optional.ofNullable(part.getFileName()).orElse("(unnamed)"));
            } else if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }
    }
}
