package dev.courseline.catalogue.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid request bodies that a test can change one field of. */
public final class Requests {

    private Requests() {
    }

    public static Map<String, Object> course(String slug) {
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("slug", slug);
        course.put("title", "Professional Agile Leadership " + slug);
        course.put("kind", "PUBLIC_COURSE");
        course.put("role", "PRODUCT_OWNER");
        course.put("summary", "For leaders who shape direction and own outcomes.");
        course.put("outcomes", List.of("Order the backlog by value", "Align stakeholders"));
        course.put("certification", Map.of("body", "Scrum.org", "name", "PAL-E", "assessmentIncluded", true));
        course.put("durationDays", 2);
        course.put("deliveryModes", List.of("ONLINE", "ONSITE"));
        course.put("listPrice", Map.of("amount", "1195.00", "currency", "GBP"));
        return course;
    }

    public static Map<String, Object> onsiteRun(String courseSlug, LocalDate startDate) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("courseSlug", courseSlug);
        run.put("start", LocalDateTime.of(startDate, LocalTime.of(9, 0)).toString());
        run.put("end", LocalDateTime.of(startDate.plusDays(1), LocalTime.of(17, 0)).toString());
        run.put("timeZone", "Europe/Amsterdam");
        run.put("deliveryMode", "ONSITE");
        run.put("venue", Map.of("name", "Courseline Amsterdam, Zuidas", "city", "Amsterdam", "country", "NL"));
        run.put("minCapacity", 4);
        run.put("maxCapacity", 16);
        run.put("price", Map.of("amount", "1450.00", "currency", "EUR"));
        run.put("earlyBird", Map.of("price", Map.of("amount", "1250.00", "currency", "EUR"),
                "deadline", startDate.minusWeeks(2).toString()));
        return run;
    }

    public static Map<String, Object> version(long version) {
        return Map.of("version", version);
    }
}
