package dev.courseline.website.staff.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.courseline.website.api.staff.StaffCourse;

/**
 * A course as the catalogue manager typed it: one outcome per line, the delivery modes ticked. It goes to the
 * catalogue as typed, which judges every value and names the bad ones.
 */
public record CourseForm(String slug, String title, String kind, String role, String summary, String outcomes,
        String certificationBody, String certificationName, String assessmentIncluded, String durationDays,
        List<String> deliveryModes, String priceAmount, String priceCurrency, Long version) {

    static final List<String> KINDS = List.of("PUBLIC_COURSE", "IN_HOUSE_PROGRAMME");
    static final List<String> ROLES = List.of("PRODUCT_OWNER", "SCRUM_MASTER", "WHOLE_TEAM");
    static final List<String> MODES = List.of("ONLINE", "ONSITE", "BLENDED");

    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("slug", "Web address name"),
            Map.entry("title", "Title"), Map.entry("kind", "Kind"), Map.entry("role", "For"),
            Map.entry("summary", "Summary"), Map.entry("outcomes", "Outcomes"),
            Map.entry("certificationBody", "Certification body"), Map.entry("certificationName", "Certificate"),
            Map.entry("durationDays", "Days"), Map.entry("deliveryModes", "Delivery"),
            Map.entry("priceAmount", "List price"), Map.entry("priceCurrency", "Currency"));

    /** The catalogue's field paths (outcomes by index too) to the form's fields. */
    static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>(Map.ofEntries(Map.entry("slug", "slug"),
                Map.entry("title", "title"), Map.entry("kind", "kind"), Map.entry("role", "role"),
                Map.entry("summary", "summary"), Map.entry("outcomes", "outcomes"),
                Map.entry("certification", "certificationBody"), Map.entry("certification.body", "certificationBody"),
                Map.entry("certification.name", "certificationName"), Map.entry("durationDays", "durationDays"),
                Map.entry("deliveryModes", "deliveryModes"), Map.entry("listPrice", "priceAmount"),
                Map.entry("listPrice.amount", "priceAmount"), Map.entry("listPrice.currency", "priceCurrency")));
        for (int i = 0; i < 20; i++) {
            fields.put("outcomes[" + i + "]", "outcomes");
            fields.put("deliveryModes[" + i + "]", "deliveryModes");
        }
        return Map.copyOf(fields);
    }

    static CourseForm blank() {
        return new CourseForm(null, null, "PUBLIC_COURSE", "PRODUCT_OWNER", null, null, null, null, null, "2",
                List.of("ONLINE"), null, "GBP", null);
    }

    static CourseForm of(StaffCourse course) {
        StaffCourse.Certification cert = course.certification();
        return new CourseForm(course.slug(), course.title(), course.kind(), course.role(), course.summary(),
                String.join("\n", course.outcomes()), cert == null ? null : cert.body(),
                cert == null ? null : cert.name(), cert != null && cert.assessmentIncluded() ? "yes" : null,
                String.valueOf(course.durationDays()), course.deliveryModes(),
                course.listPrice().amount().toPlainString(), course.listPrice().currency(), course.version());
    }

    public boolean offers(String mode) {
        return deliveryModes != null && deliveryModes.contains(mode);
    }

    /** The body of a create (with the slug) or an edit (with the version it is based on). */
    Map<String, Object> toRequest(boolean create) {
        Map<String, Object> course = new HashMap<>();
        if (create) {
            course.put("slug", text(slug));
        } else {
            course.put("version", version);
        }
        course.put("title", text(title));
        course.put("kind", blankAsNull(kind));
        course.put("role", blankAsNull(role));
        course.put("summary", text(summary));
        course.put("outcomes", lines(outcomes));
        if (!text(certificationBody).isEmpty() || !text(certificationName).isEmpty()) {
            course.put("certification", Map.of("body", text(certificationBody), "name", text(certificationName),
                    "assessmentIncluded", assessmentIncluded != null));
        }
        course.put("durationDays", RunForm.number(durationDays));
        course.put("deliveryModes", deliveryModes == null ? List.of() : deliveryModes);
        course.put("listPrice", Map.of("amount", text(priceAmount), "currency", text(priceCurrency)));
        return course;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(lines::add);
        }
        return lines;
    }

    private static Object blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
