package dev.courseline.website.api;

import java.util.List;

/** The catalogue's answer to "which course should you choose". */
public record RoleFit(String summary, List<Choice> recommendations) {

    public record Choice(String courseSlug, String reason) {
    }
}
