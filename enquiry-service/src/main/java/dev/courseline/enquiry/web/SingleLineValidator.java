package dev.courseline.enquiry.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class SingleLineValidator implements ConstraintValidator<SingleLine, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return value.codePoints().noneMatch(SingleLineValidator::isForbidden);
    }

    static boolean isForbidden(int codePoint) {
        // A lone surrogate (JSON may escape one, "\uD800") is no character at all; U+FFFE and U+FFFF are none either.
        return Character.isISOControl(codePoint) || codePoint == '\u2028' || codePoint == '\u2029'
                || Character.getType(codePoint) == Character.SURROGATE || codePoint == 0xFFFE || codePoint == 0xFFFF;
    }
}
