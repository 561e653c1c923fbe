package dev.courseline.catalogue.run;

/** Where an onsite run takes place; {@code country} is an ISO 3166-1 alpha-2 code. */
public record Venue(String name, String city, String country) {
}
