package dev.courseline.catalogue.run;

import dev.courseline.catalogue.common.Money;
import java.time.LocalDate;

/** A lower price for bookings made on or before {@code deadline}. */
public record EarlyBird(Money price, LocalDate deadline) {
}
