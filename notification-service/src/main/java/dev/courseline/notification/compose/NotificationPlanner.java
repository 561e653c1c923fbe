package dev.courseline.notification.compose;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.courseline.notification.events.CloudEvent;
import dev.courseline.notification.events.EnrolmentChanged;
import dev.courseline.notification.events.EventPayloadReader;
import dev.courseline.notification.events.EventTypes;
import dev.courseline.notification.events.LeadAssigned;
import dev.courseline.notification.events.LeadOverdue;
import dev.courseline.notification.events.MembershipRequested;
import dev.courseline.notification.events.QuoteRequested;
import dev.courseline.notification.notification.NewNotification;

/** Decides which emails an event calls for; an event type that needs no email yields none. */
@Component
public class NotificationPlanner {

    private final EventPayloadReader reader;
    private final LeadEmails leads;
    private final EnrolmentEmails enrolments;
    private final EscalationEmails escalations;

    public NotificationPlanner(EventPayloadReader reader, LeadEmails leads, EnrolmentEmails enrolments,
            EscalationEmails escalations) {
        this.reader = reader;
        this.leads = leads;
        this.enrolments = enrolments;
        this.escalations = escalations;
    }

    public List<NewNotification> emailsFor(CloudEvent event) {
        return switch (event.type()) {
            case EventTypes.QUOTE_REQUESTED -> leads.forQuote(reader.read(event, QuoteRequested.class));
            case EventTypes.MEMBERSHIP_REQUESTED -> leads.forMembership(reader.read(event, MembershipRequested.class));
            case EventTypes.LEAD_ASSIGNED -> escalations.forAssignment(reader.read(event, LeadAssigned.class));
            case EventTypes.LEAD_OVERDUE -> escalations.forOverdue(reader.read(event, LeadOverdue.class));
            case EventTypes.ENROLMENT_CONFIRMED, EventTypes.ENROLMENT_RESCHEDULED, EventTypes.ENROLMENT_PROMOTED,
                    EventTypes.ENROLMENT_WAITLISTED, EventTypes.ENROLMENT_CANCELLED ->
                enrolments.forEvent(event.type(), reader.read(event, EnrolmentChanged.class));
            default -> List.of();
        };
    }
}
