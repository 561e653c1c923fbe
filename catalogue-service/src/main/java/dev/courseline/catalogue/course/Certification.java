package dev.courseline.catalogue.course;

/**
 * @param body               who awards it, e.g. Scrum.org
 * @param name               e.g. PSPO I
 * @param assessmentIncluded whether the course price includes one assessment attempt
 */
public record Certification(String body, String name, boolean assessmentIncluded) {
}
