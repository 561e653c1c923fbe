package dev.courseline.enquiry.intake;

import java.math.BigDecimal;

/** Money as the conventions write it: the amount is a decimal string. */
public record Money(String amount, String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), currency);
    }
}
