package dev.courseline.catalogue.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;

/** An exact amount in an ISO 4217 currency; published as {@code {"amount": "1195.00", "currency": "GBP"}}. */
public record Money(
        @Schema(type = "string", example = "1195.00", description = "decimal amount with two decimals") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Schema(example = "GBP") String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        // Two decimals always, so "1195" and "1195.00" are the same price and publish the same text.
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public boolean isLessThan(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) < 0;
    }
}
