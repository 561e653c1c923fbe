package dev.courseline.enquiry.lead;

import java.util.List;

/**
 * One page of leads in the order asked for. {@code team} is the team the page was limited to (the asker's own when
 * they named none), or null for every team; {@code total} counts every lead that matched.
 */
public record LeadPage(List<LeadView> items, int page, int size, long total, String team, LeadSort sort) {
}
