package dev.courseline.website.staff.leads;

import java.util.Map;

/** Handing a lead to another team, saying why. */
record AssignmentForm(String team, String reason, String version) {

    static final Map<String, String> FIELDS = Map.of("team", "team", "reason", "reason");
    static final Map<String, String> LABELS = Map.of("team", "Team", "reason", "Reason");
}
