package dev.courseline.enquiry.lead;

/** Which team a lead goes to, and why. */
public record Routing(String team, String reason) {
}
