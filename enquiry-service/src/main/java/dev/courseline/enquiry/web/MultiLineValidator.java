package dev.courseline.enquiry.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class MultiLineValidator implements ConstraintValidator<MultiLine, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return value.codePoints().noneMatch(c -> c != '\n' && c != '\r' && c != '\t' && Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.SURROGATE
                || c == 0xFFFE || c == 0xFFFF);
    }
}
