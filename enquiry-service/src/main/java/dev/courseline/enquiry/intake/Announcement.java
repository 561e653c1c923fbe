package dev.courseline.enquiry.intake;

import java.util.function.BiFunction;

/** The event that announces a new enquiry: its type, and how to build its payload from the enquiry as stored. */
public record Announcement(String type, BiFunction<Enquiry, Links, Object> payload) {
}
