package dev.courseline.enquiry.privacy;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.courseline.enquiry.outbox.OutboxLease;
import dev.courseline.enquiry.outbox.PendingEvent;

/**
 * The record that a person's data was erased, by whom and when, holding the {@code person-erased} event until it is
 * published. It keeps only the email's hash.
 */
@Document(Erasure.COLLECTION)
public record Erasure(@Id String id, String emailSha256, Instant erasedAt, String requestedBy, int enquiries,
        int enrolments, List<PendingEvent> pendingEvents, OutboxLease outbox) {

    public static final String COLLECTION = "erasures";
}
