package dev.courseline.website.api;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** An exact amount in an ISO 4217 currency, as the APIs send it. */
public record Money(BigDecimal amount, String currency) {

    /** {@code £1,195.00}: the way the provider's pages write prices. */
    public String display() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException unknownCurrency) {
            return amount.toPlainString() + " " + currency;
        }
        return format.format(amount);
    }
}
