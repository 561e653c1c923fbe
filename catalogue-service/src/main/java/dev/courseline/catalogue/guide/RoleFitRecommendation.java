package dev.courseline.catalogue.guide;

import java.util.List;

/**
 * @param summary         one sentence to show above the choices
 * @param recommendations the courses to consider, best fit first
 */
public record RoleFitRecommendation(String summary, List<Choice> recommendations) {

    /**
     * @param courseSlug the course to look at, see {@code GET /api/courses/{slug}}
     * @param reason     why it fits the answers, in the provider's own words
     */
    public record Choice(String courseSlug, String reason) {
    }
}
