package dev.courseline.enquiry.abuse;

import java.util.List;

/** The reasons a submission within the limits is suspect (empty: it is not), e.g. {@code HONEYPOT}, {@code BURST}. */
public record Screening(List<String> reasons) {

    public boolean suspect() {
        return !reasons.isEmpty();
    }
}
