package dev.courseline.website.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.courseline.website.api.FieldMessage;

/**
 * A service's field errors placed on a form: each API field path (e.g. {@code contact.email}) is mapped to the form
 * field that holds it, and its message is shown next to that field and in the summary at the top.
 */
public final class FormErrors {

    /** A summary line: the field's label, its message, and the anchor of the field to jump to. */
    public record Line(String field, String label, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<Line> summary = new ArrayList<>();

    private FormErrors() {
    }

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * @param fields API field path to form field name; paths not listed land on the form as a whole
     * @param labels form field name to the label the visitor sees
     */
    public static FormErrors of(List<FieldMessage> errors, Map<String, String> fields, Map<String, String> labels) {
        FormErrors form = new FormErrors();
        for (FieldMessage error : errors) {
            String field = fields.getOrDefault(error.field(), null);
            if (field == null) {
                form.add(null, "", error.message());
            } else {
                form.add(field, labels.getOrDefault(field, field), error.message());
            }
        }
        return form;
    }

    /** An error about the whole form, or about one field when {@code field} is given. */
    public static FormErrors single(String field, String label, String message) {
        FormErrors form = new FormErrors();
        form.add(field, label, message);
        return form;
    }

    private void add(String field, String label, String message) {
        if (field != null) {
            byField.merge(field, message, (first, next) -> first + "; " + next);
        }
        summary.add(new Line(field, label, message));
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return summary.isEmpty();
    }

    public List<Line> summary() {
        return summary;
    }
}
