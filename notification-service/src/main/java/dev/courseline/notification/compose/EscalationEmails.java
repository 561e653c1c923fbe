package dev.courseline.notification.compose;

import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.courseline.notification.config.NotificationProperties;
import dev.courseline.notification.events.LeadAssigned;
import dev.courseline.notification.events.LeadOverdue;
import dev.courseline.notification.notification.EmailContent;
import dev.courseline.notification.notification.NewNotification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.template.EmailTemplates;
import dev.courseline.notification.template.EmailTemplates.RenderedBody;
import dev.courseline.notification.template.Formats;
import dev.courseline.notification.template.HeaderText;

/**
 * Emails about a lead after its first notification: a lead moved to another team is announced to that team, and a
 * lead that passed its response deadline while still new is escalated to the team's lead.
 */
@Component
public class EscalationEmails {

    private final EmailTemplates templates;
    private final NotificationProperties properties;
    private final PublicLinks links;

    public EscalationEmails(EmailTemplates templates, NotificationProperties properties, PublicLinks links) {
        this.templates = templates;
        this.properties = properties;
        this.links = links;
    }

    public List<NewNotification> forOverdue(LeadOverdue overdue) {
        String organisation = JsonText.of(overdue.organisation());
        var view = new EscalationView(overdue.leadId(), overdue.enquiryId(), overdue.kind(), organisation,
                overdue.contactName(), overdue.team(), Formats.utc(overdue.respondBy()),
                links.lead(overdue.leadId(), overdue.links() == null ? null : overdue.links().lead()));
        RenderedBody body = templates.render("escalation", view);
        String who = organisation.isBlank() ? overdue.contactName() : organisation;
        String subject = "Overdue lead: " + who + " was due an answer by " + view.respondBy();
        String recipient = properties.sales().team(overdue.team()).lead();
        // The event names the contact but not their email; erasure finds this email through the lead it is about.
        return List.of(new NewNotification(NotificationKind.ESCALATION, recipient, overdue.leadId(),
                new EmailContent(HeaderText.clean(subject), body.text(), body.html(), null), List.of(),
                Collections.singletonList(overdue.enquiryId())));
    }

    public List<NewNotification> forAssignment(LeadAssigned assigned) {
        if (!assigned.isReassignment()) {
            return List.of();
        }
        String organisation = JsonText.of(assigned.organisation());
        var view = new ReassignmentView(assigned.leadId(), assigned.enquiryId(), assigned.kind(), organisation,
                assigned.contactName(), assigned.team(), assigned.previousTeam(), assigned.routingReason(),
                assigned.assignedBy(), Formats.utc(assigned.respondBy()),
                links.lead(assigned.leadId(), assigned.links() == null ? null : assigned.links().lead()));
        RenderedBody body = templates.render("lead-reassigned", view);
        String who = organisation.isBlank() ? assigned.contactName() : organisation;
        String subject = "Lead reassigned to your team: " + who
                + (assigned.respondBy() == null ? "" : " (respond by " + view.respondBy() + ")");
        String recipient = properties.sales().team(assigned.team()).address();
        return List.of(new NewNotification(NotificationKind.LEAD_REASSIGNED, recipient, assigned.leadId(),
                new EmailContent(HeaderText.clean(subject), body.text(), body.html(), null), List.of(),
                Collections.singletonList(assigned.enquiryId())));
    }

    /** What the reassignment template shows the new team. */
    public record ReassignmentView(String leadId, String enquiryId, String kind, String organisation,
            String contactName, String team, String previousTeam, String routingReason, String assignedBy,
            String respondBy, String leadUrl) {
    }

    /** What the escalation template shows the team lead. */
    public record EscalationView(String leadId, String enquiryId, String kind, String organisation,
            String contactName, String team, String respondBy, String leadUrl) {
    }
}
