package dev.courseline.enquiry.lead;

import java.util.List;

/** One page of leads, newest first. */
public record LeadPage(List<LeadView> items, int page, int size, long total) {
}
