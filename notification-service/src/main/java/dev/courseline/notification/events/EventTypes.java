package dev.courseline.notification.events;

/** The CloudEvents {@code ce_type} values of the {@code enquiries} topic this service acts on. */
public final class EventTypes {

    private static final String PREFIX = "courseline.enquiry.";

    public static final String QUOTE_REQUESTED = PREFIX + "quote-requested.v1";
    public static final String MEMBERSHIP_REQUESTED = PREFIX + "membership-requested.v1";
    public static final String LEAD_ASSIGNED = PREFIX + "lead-assigned.v1";
    public static final String LEAD_OVERDUE = PREFIX + "lead-overdue.v1";
    public static final String ENROLMENT_CONFIRMED = PREFIX + "enrolment-confirmed.v1";
    public static final String ENROLMENT_WAITLISTED = PREFIX + "enrolment-waitlisted.v1";
    public static final String ENROLMENT_PROMOTED = PREFIX + "enrolment-promoted.v1";
    public static final String ENROLMENT_CANCELLED = PREFIX + "enrolment-cancelled.v1";
    public static final String ENROLMENT_RESCHEDULED = PREFIX + "enrolment-rescheduled.v1";
    public static final String PERSON_ERASED = PREFIX + "person-erased.v1";

    private EventTypes() {
    }
}
