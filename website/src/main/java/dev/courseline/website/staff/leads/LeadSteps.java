package dev.courseline.website.staff.leads;

import java.util.List;

/**
 * The lifecycle's buttons on a lead's page: every later status but the current one. The enquiry service accepts or
 * refuses each move (with its reason on the page), so no rule of it is repeated here.
 */
final class LeadSteps {

    private static final List<String> LIFECYCLE = List.of("NEW", "CONTACTED", "QUOTED", "WON", "LOST");

    private LeadSteps() {
    }

    static List<String> after(String current) {
        return LIFECYCLE.stream().filter(status -> !status.equals(current) && !status.equals("NEW")).toList();
    }
}
