package dev.courseline.enquiry.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class MultiLineValidator implements ConstraintValidator<MultiLine, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return value.codePoints().noneMatch(c -> c != '\n' && c != '\r' && c != '\t' && Character.isISOControl(c));
    }
}
