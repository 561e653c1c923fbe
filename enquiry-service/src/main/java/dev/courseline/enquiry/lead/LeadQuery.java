package dev.courseline.enquiry.lead;

import java.util.ArrayList;
import java.util.List;

import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.web.FieldProblem;
import dev.courseline.enquiry.web.RequestValidator;

/**
 * What {@code GET /api/leads} asks for, read from its query parameters as sent. {@code team} null means every team;
 * {@code text} null means no free-text filter.
 */
record LeadQuery(LeadStatus status, String team, EnquiryKind kind, boolean overdue, String text, LeadSort sort,
        int page, int size) {

    static final int MAX_SIZE = 200;
    static final int MAX_TEXT = 100;
    /** The value of {@code team} that asks for every team, as an empty one does. */
    static final String ALL_TEAMS = "all";

    /**
     * Reads the query parameters (status and kind absent or empty for any; team absent for {@code defaultTeam},
     * empty or {@code all} for every team); throws an {@link dev.courseline.enquiry.web.InvalidRequestException}
     * naming every bad one.
     */
    static LeadQuery of(String status, String team, String kind, String overdue, String q, String sort, String page,
            String size, String defaultTeam) {
        List<FieldProblem> problems = new ArrayList<>();
        LeadQuery query = new LeadQuery(
                RequestValidator.constantOf(LeadStatus.class, "status", status, problems),
                team(team, defaultTeam),
                RequestValidator.constantOf(EnquiryKind.class, "kind", kind, problems),
                overdue(overdue, problems),
                text(q, problems),
                sort(sort, problems),
                RequestValidator.wholeNumber("page", page, 0, Integer.MAX_VALUE, problems),
                RequestValidator.wholeNumber("size", size, 1, MAX_SIZE, problems));
        RequestValidator.throwIfAny(problems);
        return query;
    }

    private static String team(String team, String defaultTeam) {
        if (team == null) {
            return defaultTeam;
        }
        String name = team.strip();
        return name.isEmpty() || name.equals(ALL_TEAMS) ? null : name;
    }

    private static boolean overdue(String overdue, List<FieldProblem> problems) {
        if (overdue == null || overdue.isBlank()) {
            return false;
        }
        return switch (overdue.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(new FieldProblem("overdue", "must be true or false"));
                yield false;
            }
        };
    }

    private static String text(String q, List<FieldProblem> problems) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        if (text.length() > MAX_TEXT || text.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("q", "must be a single line of at most " + MAX_TEXT + " characters"));
            return null;
        }
        return text;
    }

    private static LeadSort sort(String sort, List<FieldProblem> problems) {
        if (sort == null || sort.isBlank()) {
            return LeadSort.respondBy;
        }
        try {
            return LeadSort.valueOf(sort.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("sort", "must be one of " + LeadSort.accepted()));
            return LeadSort.respondBy;
        }
    }
}
