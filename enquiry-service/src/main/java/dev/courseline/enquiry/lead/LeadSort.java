package dev.courseline.enquiry.lead;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The orders of the lead inbox, by their query parameter values. */
public enum LeadSort {
    /** Soonest reply due first. */
    respondBy,
    /** Newest first. */
    receivedAt;

    static String accepted() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
