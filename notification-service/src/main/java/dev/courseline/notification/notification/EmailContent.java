package dev.courseline.notification.notification;

/**
 * A rendered email, stored with the notification so that what is sent (and re-sent by a retry) is exactly what was
 * decided when the event arrived.
 */
public record EmailContent(String subject, String text, String html, CalendarAttachment calendar) {

    /** An iCalendar file sent along, with the method (REQUEST or CANCEL) its MIME type must repeat. */
    public record CalendarAttachment(String method, String fileName, String content) {
    }
}
