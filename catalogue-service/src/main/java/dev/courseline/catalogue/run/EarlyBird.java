package dev.courseline.catalogue.run;

import java.time.LocalDate;

import dev.courseline.catalogue.common.Money;

/** A lower price for bookings made on or before {@code deadline}. */
public record EarlyBird(Money price, LocalDate deadline) {
}
