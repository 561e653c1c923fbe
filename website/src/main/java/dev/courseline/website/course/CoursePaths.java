package dev.courseline.website.course;

/** Which page of this site presents a catalogue course: the in-house programme and the membership have forms. */
public final class CoursePaths {

    public String of(String courseSlug) {
        return switch (courseSlug) {
            case "in-house" -> "/in-house";
            case "cpd-membership" -> "/membership";
            default -> "/courses/" + courseSlug;
        };
    }

    /** The name this site's navigation gives the page. */
    public String label(String courseSlug) {
        return switch (courseSlug) {
            case "pspo" -> "PSPO Product Owner course";
            case "psm" -> "PSM Scrum Master course";
            case "in-house" -> "In-house training for your team";
            case "cpd-membership" -> "Membership";
            default -> courseSlug;
        };
    }
}
