package dev.courseline.notification.compose;

import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.courseline.notification.config.NotificationProperties;
import dev.courseline.notification.events.MembershipRequested;
import dev.courseline.notification.events.Parts.Contact;
import dev.courseline.notification.events.Parts.LeadSummary;
import dev.courseline.notification.events.Parts.Links;
import dev.courseline.notification.events.Parts.RelatedEnquiry;
import dev.courseline.notification.events.QuoteRequested;
import dev.courseline.notification.notification.EmailContent;
import dev.courseline.notification.notification.NewNotification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.template.EmailTemplates;
import dev.courseline.notification.template.EmailTemplates.RenderedBody;
import dev.courseline.notification.template.Formats;
import dev.courseline.notification.template.HeaderText;

/**
 * A new quote or membership enquiry: the lead notification to the sales team it was routed to, and the
 * acknowledgement to the person who asked, telling them when they will hear back.
 */
@Component
public class LeadEmails {

    private final EmailTemplates templates;
    private final NotificationProperties properties;
    private final PublicLinks links;

    public LeadEmails(EmailTemplates templates, NotificationProperties properties, PublicLinks links) {
        this.templates = templates;
        this.properties = properties;
        this.links = links;
    }

    public List<NewNotification> forQuote(QuoteRequested quote) {
        LeadSummary lead = quote.lead();
        String programme = quote.programme() == null
                ? "In-house programme"
                : firstNonBlank(quote.programme().title(), quote.programme().slug());
        LeadView view = new LeadView("In-house quote", true, lead.leadId(), quote.enquiryId(),
                Formats.utc(quote.receivedAt()), quote.organisation().name(), quote.organisation().country(),
                quote.contact().name(), quote.contact().email(), quote.contact().phone(), quote.contact().jobTitle(),
                programme, quote.teamSize() == null ? "" : quote.teamSize().toString(), quote.deliveryMode(),
                quote.location(), JsonText.of(quote.preferredDates()),
                quote.budget() == null ? "" : quote.budget().display(), "", quote.message(), lead.team(),
                lead.routingReason(), Formats.utc(lead.respondBy()), related(lead), leadUrl(lead, quote.links()));
        String subject = "New lead: " + quote.organisation().name() + ", " + programme
                + (quote.teamSize() == null ? "" : ", " + quote.teamSize() + " people")
                + " (respond by " + view.respondBy() + ")";
        return List.of(leadNotification(view, subject, quote.contact()),
                acknowledgement(view, quote.contact(), quote.links(), "your in-house quote request for " + programme));
    }

    public List<NewNotification> forMembership(MembershipRequested membership) {
        LeadSummary lead = membership.lead();
        String plan = JsonText.of(membership.plan());
        LeadView view = new LeadView("Membership", false, lead.leadId(), membership.enquiryId(),
                Formats.utc(membership.receivedAt()), "", "", membership.contact().name(),
                membership.contact().email(), membership.contact().phone(), membership.contact().jobTitle(),
                "Membership", "", "", "", "", "", plan, membership.message(), lead.team(), lead.routingReason(),
                Formats.utc(lead.respondBy()), related(lead), leadUrl(lead, membership.links()));
        String subject = "New membership lead: " + membership.contact().name()
                + (plan.isBlank() ? "" : ", " + plan) + " (respond by " + view.respondBy() + ")";
        return List.of(leadNotification(view, subject, membership.contact()),
                acknowledgement(view, membership.contact(), membership.links(), "your membership enquiry"));
    }

    /** About the lead, and also its enquiry. */
    private NewNotification leadNotification(LeadView view, String subject, Contact contact) {
        RenderedBody body = templates.render("lead-notification", view);
        String recipient = properties.sales().team(view.team()).address();
        return new NewNotification(NotificationKind.LEAD_NOTIFICATION, recipient, view.leadId(),
                new EmailContent(HeaderText.clean(subject), body.text(), body.html(), null),
                List.of(PersonHash.ofEmail(contact.email())), Collections.singletonList(view.enquiryId()));
    }

    /** About the enquiry the requester made, and also the lead it became. */
    private NewNotification acknowledgement(LeadView lead, Contact contact, Links eventLinks, String what) {
        var view = new AcknowledgementView(contact.name(), what, lead.respondBy(),
                links.status(lead.enquiryId(), eventLinks == null ? null : eventLinks.status()));
        RenderedBody body = templates.render("acknowledgement", view);
        return new NewNotification(NotificationKind.ACKNOWLEDGEMENT, contact.email(), lead.enquiryId(),
                new EmailContent(HeaderText.clean("We have received " + what), body.text(), body.html(), null),
                List.of(PersonHash.ofEmail(contact.email())), Collections.singletonList(lead.leadId()));
    }

    private String leadUrl(LeadSummary lead, Links eventLinks) {
        return links.lead(lead.leadId(), eventLinks == null ? null : eventLinks.lead());
    }

    private static List<LeadView.RelatedView> related(LeadSummary lead) {
        return lead.relatedEnquiriesOrEmpty().stream()
                .map(LeadEmails::related)
                .toList();
    }

    private static LeadView.RelatedView related(RelatedEnquiry enquiry) {
        return new LeadView.RelatedView(enquiry.enquiryId(), enquiry.kind(), Formats.utc(enquiry.receivedAt()),
                JsonText.of(enquiry.organisation()), enquiry.summary());
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /** What the acknowledgement template shows the requester. */
    public record AcknowledgementView(String name, String what, String respondBy, String statusUrl) {
    }
}
