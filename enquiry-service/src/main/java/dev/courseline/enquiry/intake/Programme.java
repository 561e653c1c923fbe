package dev.courseline.enquiry.intake;

public record Programme(String slug, String title) {
}
