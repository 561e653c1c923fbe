package dev.courseline.notification.notification;

/** What an email is for; one event sends at most one email of each kind to each recipient. */
public enum NotificationKind {
    LEAD_NOTIFICATION, LEAD_REASSIGNED, ACKNOWLEDGEMENT, ENROLMENT_CONFIRMATION, ENROLMENT_RESCHEDULED, WAITLIST_NOTICE, PROMOTION_NOTICE, CANCELLATION_NOTICE, ESCALATION
}
