package dev.courseline.enquiry.enrolment;

public enum EnrolmentStatus {
    CONFIRMED, WAITLISTED, CANCELLED;

    public boolean isActive() {
        return this != CANCELLED;
    }
}
