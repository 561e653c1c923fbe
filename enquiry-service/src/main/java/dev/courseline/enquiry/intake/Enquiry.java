package dev.courseline.enquiry.intake;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.courseline.enquiry.lead.Lead;
import dev.courseline.enquiry.lead.SearchTerms;
import dev.courseline.enquiry.outbox.OutboxLease;
import dev.courseline.enquiry.outbox.PendingEvent;

/**
 * One quote or membership request, its lead and its not yet published events: one document, written in one
 * operation, so none of them can exist without the others.
 *
 * <p>{@code idempotencyKey} is the client's key prefixed with the kind; {@code emailSha256} and
 * {@code organisationKey} find earlier enquiries of the same person or organisation; {@code subject} says what was
 * asked for, so a repeat of the same request is recognised. A duplicate has no lead of its own: it points at the
 * enquiry it repeats.
 *
 * <p>The {@code lead_inbox} indexes serve the sales inbox ({@code LeadInbox}): team and status first, as asked for,
 * then the order (respond-by soonest first, or newest first), with {@code _id} as the tie-break of both orders.
 * {@code lead_search} serves its free text: a multikey index on each lead's {@link SearchTerms}, then the team.
 * {@code retention_closed_at} holds only the kept enquiries whose lead is closed: what retention looks for.
 */
@Document(Enquiry.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "lead_id", def = "{'lead.leadId': 1}", unique = true, sparse = true),
        @CompoundIndex(name = "lead_inbox_team_respond_by", def = "{'lead.team': 1, 'lead.status': 1, 'lead.respondBy': 1, '_id': 1}"),
        @CompoundIndex(name = "lead_inbox_respond_by", def = "{'lead.status': 1, 'lead.respondBy': 1, '_id': 1}"),
        @CompoundIndex(name = "lead_inbox_team_received_at", def = "{'lead.team': 1, 'lead.status': 1, 'receivedAt': -1, '_id': -1}"),
        @CompoundIndex(name = "lead_inbox_received_at", def = "{'lead.status': 1, 'receivedAt': -1, '_id': -1}"),
        @CompoundIndex(name = "lead_search", def = "{'searchTerms': 1, 'lead.team': 1}"),
        @CompoundIndex(name = "retention_closed_at", def = "{'lead.closedAt': 1}", partialFilter = "{'anonymised': false, 'lead.closedAt': {'$exists': true}}")
})
public record Enquiry(
        @Id String id,
        EnquiryKind kind,
        @Indexed(unique = true, sparse = true) String idempotencyKey,
        Instant receivedAt,
        Contact contact,
        Organisation organisation,
        Programme programme,
        Integer teamSize,
        String deliveryMode,
        String location,
        String preferredDates,
        Money budget,
        String plan,
        String message,
        Consent consent,
        @Indexed String emailSha256,
        @Indexed String organisationKey,
        String subject,
        String summary,
        String duplicateOf,
        Lead lead,
        boolean anonymised,
        List<PendingEvent> pendingEvents,
        OutboxLease outbox,
        List<String> searchTerms) {

    public static final String COLLECTION = "enquiries";

    public Enquiry withEvents(List<PendingEvent> events, OutboxLease lease) {
        return new Enquiry(id, kind, idempotencyKey, receivedAt, contact, organisation, programme, teamSize,
                deliveryMode, location, preferredDates, budget, plan, message, consent, emailSha256, organisationKey,
                subject, summary, duplicateOf, lead, anonymised, events, lease, searchTerms);
    }
}
