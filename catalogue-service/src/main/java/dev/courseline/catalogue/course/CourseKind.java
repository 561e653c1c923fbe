package dev.courseline.catalogue.course;

public enum CourseKind {
    /** Open enrolment on scheduled runs, e.g. PSPO or PSM. */
    PUBLIC_COURSE,
    /** Tailored for one organisation's team, quoted per team. */
    IN_HOUSE_PROGRAMME,
    /** Continuing professional development after certification. */
    MEMBERSHIP
}
