package dev.courseline.catalogue.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A price as a client sends it: the amount as a decimal string, never a JSON number that could lose cents. */
public record MoneyRequest(
        @NotBlank @Pattern(regexp = "\\d{1,7}(\\.\\d{1,2})?", message = "must be a decimal amount with at most 2 decimals") String amount,
        @NotBlank @Pattern(regexp = "GBP|EUR|USD", message = "must be one of GBP, EUR, USD") String currency) {

    public Money toMoney() {
        return Money.of(amount, currency);
    }
}
