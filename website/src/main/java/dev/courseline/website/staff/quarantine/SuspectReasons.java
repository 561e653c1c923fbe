package dev.courseline.website.staff.quarantine;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The enquiry service's reasons for holding a request, as a salesperson reads them (bean {@code @suspectReasons}). */
@Component("suspectReasons")
public class SuspectReasons {

    private static final Map<String, String> TEXT = Map.of(
            "HONEYPOT", "a field hidden from people was filled in, as bots do",
            "TOO_FAST", "the form was sent faster than a person could fill it in",
            "FORM_STAMP_INVALID", "the form's stamp was not one the website made",
            "FORM_STAMP_EXPIRED", "the form was opened too long before it was sent",
            "FORM_STAMP_MISSING", "it did not come through the website's form",
            "BURST", "many requests came from the same address in a short time",
            "DISPOSABLE_EMAIL", "the email address is from a disposable-address service");

    /** Each reason in words; a reason this page does not know is shown as the service named it. */
    public String describe(List<String> reasons) {
        return reasons == null
                ? ""
                : String.join("; ", reasons.stream()
                        .map(reason -> TEXT.getOrDefault(reason, reason)).toList());
    }
}
