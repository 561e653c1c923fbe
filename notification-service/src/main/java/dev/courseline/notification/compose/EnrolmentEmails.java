package dev.courseline.notification.compose;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import dev.courseline.notification.config.NotificationProperties;
import dev.courseline.notification.events.EnrolmentChanged;
import dev.courseline.notification.events.EventTypes;
import dev.courseline.notification.events.Parts.Run;
import dev.courseline.notification.events.Parts.Venue;
import dev.courseline.notification.notification.EmailContent;
import dev.courseline.notification.notification.EmailContent.CalendarAttachment;
import dev.courseline.notification.notification.NewNotification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.template.CalendarEvent;
import dev.courseline.notification.template.EmailTemplates;
import dev.courseline.notification.template.EmailTemplates.RenderedBody;
import dev.courseline.notification.template.Formats;
import dev.courseline.notification.template.HeaderText;
import dev.courseline.notification.template.IcsCalendar;

/**
 * The learner's emails about an enrolment. Those that put the course in (or take it out of) the learner's calendar
 * carry an .ics whose UID is the enrolment's, so a reschedule or cancellation updates the entry the confirmation made.
 */
@Component
public class EnrolmentEmails {

    private static final String WAITLISTED = "WAITLISTED";

    private final EmailTemplates templates;
    private final PublicLinks links;
    private final String organizerEmail;
    private final Clock clock;

    public EnrolmentEmails(EmailTemplates templates, PublicLinks links, NotificationProperties properties,
            Clock clock) {
        this.templates = templates;
        this.links = links;
        this.organizerEmail = addressOf(properties.sender());
        this.clock = clock;
    }

    public List<NewNotification> forEvent(String type, EnrolmentChanged enrolment) {
        Run run = enrolment.run();
        String date = Formats.local(run.start(), run.timeZone());
        return switch (type) {
            case EventTypes.ENROLMENT_CONFIRMED -> List.of(email(enrolment, NotificationKind.ENROLMENT_CONFIRMATION,
                    "enrolment-confirmed", "Enrolment confirmed: " + run.courseTitle() + ", " + date,
                    IcsCalendar.REQUEST));
            // Only the enrolled get an invitation: a waitlisted learner has no seat, so no calendar entry to move.
            case EventTypes.ENROLMENT_RESCHEDULED -> List.of(WAITLISTED.equals(enrolment.status())
                    ? email(enrolment, NotificationKind.WAITLIST_NOTICE, "enrolment-rescheduled-waitlisted",
                            "New dates, still on the waitlist: " + run.courseTitle() + ", now " + date, null)
                    : email(enrolment, NotificationKind.ENROLMENT_RESCHEDULED, "enrolment-rescheduled",
                            "New dates: " + run.courseTitle() + ", now " + date, IcsCalendar.REQUEST));
            case EventTypes.ENROLMENT_PROMOTED -> List.of(email(enrolment, NotificationKind.PROMOTION_NOTICE,
                    "enrolment-promoted", "A seat is yours: " + run.courseTitle() + ", " + date,
                    IcsCalendar.REQUEST));
            case EventTypes.ENROLMENT_WAITLISTED -> List.of(email(enrolment, NotificationKind.WAITLIST_NOTICE,
                    "enrolment-waitlisted", "On the waitlist: " + run.courseTitle() + ", " + date, null));
            case EventTypes.ENROLMENT_CANCELLED -> List.of(email(enrolment, NotificationKind.CANCELLATION_NOTICE,
                    "enrolment-cancelled", "Enrolment cancelled: " + run.courseTitle() + ", " + date,
                    IcsCalendar.CANCEL));
            default -> List.of();
        };
    }

    private NewNotification email(EnrolmentChanged enrolment, NotificationKind kind, String template, String subject,
            String calendarMethod) {
        Run run = enrolment.run();
        EnrolmentView view = new EnrolmentView(enrolment.learner().name(), enrolment.enrolmentId(), run.courseTitle(),
                Formats.local(run.start(), run.timeZone()), Formats.local(run.end(), run.timeZone()),
                Formats.utc(run.startUtc()), run.deliveryMode(), venue(run.venue()),
                enrolment.waitlistPosition() == null ? "" : enrolment.waitlistPosition().toString(),
                reason(enrolment.reason()), links.enrolment(enrolment.enrolmentId(),
                        enrolment.links() == null ? null : enrolment.links().cancel()));
        RenderedBody body = templates.render(template, view);
        CalendarAttachment calendar = calendarMethod == null
                ? null
                : new CalendarAttachment(calendarMethod, "course.ics",
                        IcsCalendar.write(calendarMethod, calendarEvent(enrolment, calendarMethod), clock.instant()));
        return new NewNotification(kind, enrolment.learner().email(), enrolment.enrolmentId(),
                new EmailContent(HeaderText.clean(subject), body.text(), body.html(), calendar),
                List.of(PersonHash.ofEmail(enrolment.learner().email())));
    }

    private CalendarEvent calendarEvent(EnrolmentChanged enrolment, String method) {
        Run run = enrolment.run();
        // A cancellation must out-rank the invitation it withdraws, which carried the run's version.
        long sequence = IcsCalendar.CANCEL.equals(method) ? run.version() + 1 : run.version();
        String location = run.venue() == null ? "Online" : venue(run.venue());
        return new CalendarEvent("enrolment-" + enrolment.enrolmentId() + "@courseline", sequence, run.startUtc(),
                run.endUtc(), run.courseTitle(), location,
                run.courseTitle() + " (" + run.deliveryMode() + "), enrolment " + enrolment.enrolmentId(),
                organizerEmail, enrolment.learner().name(), enrolment.learner().email());
    }

    private static String venue(Venue venue) {
        if (venue == null) {
            return "Online";
        }
        return Stream.of(venue.name(), venue.city(), venue.country())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
    }

    private static String reason(String reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case "RUN_CANCELLED" -> "We had to cancel this run of the course.";
            case "LEARNER_CANCELLED" -> "You cancelled your place.";
            default -> "";
        };
    }

    private static String addressOf(String sender) {
        try {
            return new InternetAddress(sender).getAddress();
        } catch (AddressException e) {
            throw new IllegalStateException("courseline.notification.sender is not an email address: " + sender, e);
        }
    }
}
