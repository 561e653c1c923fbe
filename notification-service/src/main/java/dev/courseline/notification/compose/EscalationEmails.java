package dev.courseline.notification.compose;

import java.util.List;

import dev.courseline.notification.config.NotificationProperties;
import dev.courseline.notification.events.LeadOverdue;
import dev.courseline.notification.notification.EmailContent;
import dev.courseline.notification.notification.NewNotification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.template.EmailTemplates;
import dev.courseline.notification.template.EmailTemplates.RenderedBody;
import dev.courseline.notification.template.Formats;
import dev.courseline.notification.template.HeaderText;
import org.springframework.stereotype.Component;

/** A lead passed its response deadline while still new: its team lead hears about it. */
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
                new EmailContent(HeaderText.clean(subject), body.text(), body.html(), null), List.of()));
    }

    /** What the escalation template shows the team lead. */
    public record EscalationView(String leadId, String enquiryId, String kind, String organisation,
            String contactName, String team, String respondBy, String leadUrl) {
    }
}
