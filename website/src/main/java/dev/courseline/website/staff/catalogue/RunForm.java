package dev.courseline.website.staff.catalogue;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A new run as the catalogue manager typed it; it goes to the catalogue as typed, which judges every value. */
public record RunForm(String courseSlug, String startDate, String startTime, String endDate, String endTime,
        String timeZone, String deliveryMode, String venueName, String venueCity, String venueCountry,
        String minCapacity, String maxCapacity, String priceAmount, String priceCurrency, String earlyBirdAmount,
        String earlyBirdDeadline) {

    static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("courseSlug", "courseSlug"),
            Map.entry("start", "startDate"), Map.entry("end", "endDate"), Map.entry("timeZone", "timeZone"),
            Map.entry("deliveryMode", "deliveryMode"), Map.entry("venue", "venueName"),
            Map.entry("venue.name", "venueName"), Map.entry("venue.city", "venueCity"),
            Map.entry("venue.country", "venueCountry"), Map.entry("minCapacity", "minCapacity"),
            Map.entry("maxCapacity", "maxCapacity"), Map.entry("price", "priceAmount"),
            Map.entry("price.amount", "priceAmount"), Map.entry("price.currency", "priceCurrency"),
            Map.entry("earlyBird", "earlyBirdAmount"), Map.entry("earlyBird.price", "earlyBirdAmount"),
            Map.entry("earlyBird.price.amount", "earlyBirdAmount"),
            Map.entry("earlyBird.deadline", "earlyBirdDeadline"));

    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("courseSlug", "Course"),
            Map.entry("startDate", "Starts"), Map.entry("endDate", "Ends"), Map.entry("timeZone", "Time zone"),
            Map.entry("deliveryMode", "Delivery"), Map.entry("venueName", "Venue"), Map.entry("venueCity", "City"),
            Map.entry("venueCountry", "Country"), Map.entry("minCapacity", "Minimum seats"),
            Map.entry("maxCapacity", "Maximum seats"), Map.entry("priceAmount", "Price"),
            Map.entry("priceCurrency", "Currency"), Map.entry("earlyBirdAmount", "Early-bird price"),
            Map.entry("earlyBirdDeadline", "Early-bird deadline"));

    static RunForm blank() {
        return new RunForm("pspo", null, "09:00", null, "17:00", "Europe/London", "ONLINE", null, null, null, "4",
                "16", null, "GBP", null, null);
    }

    public boolean is(String value, String choice) {
        return choice.equals(value);
    }

    /** The body of {@code POST /api/admin/runs}. */
    Map<String, Object> toRequest() {
        Map<String, Object> run = new HashMap<>();
        run.put("courseSlug", courseSlug);
        run.put("start", dateTime(startDate, startTime));
        run.put("end", dateTime(endDate, endTime));
        run.put("timeZone", timeZone);
        run.put("deliveryMode", deliveryMode);
        if (!blank(venueName) || !blank(venueCity)) {
            run.put("venue", Map.of("name", text(venueName), "city", text(venueCity),
                    "country", text(venueCountry).toUpperCase(Locale.ROOT)));
        }
        run.put("minCapacity", number(minCapacity));
        run.put("maxCapacity", number(maxCapacity));
        run.put("price", Map.of("amount", text(priceAmount), "currency", text(priceCurrency)));
        if (!blank(earlyBirdAmount)) {
            Map<String, Object> earlyBird = new HashMap<>();
            earlyBird.put("price", Map.of("amount", text(earlyBirdAmount), "currency", text(priceCurrency)));
            earlyBird.put("deadline", blank(earlyBirdDeadline) ? null : earlyBirdDeadline.strip());
            run.put("earlyBird", earlyBird);
        }
        return run;
    }

    static Object number(String typed) {
        if (blank(typed)) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notAWholeNumber) {
            return typed;
        }
    }

    static String dateTime(String date, String time) {
        return blank(date) ? null : date.strip() + "T" + (blank(time) ? "09:00" : time.strip());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
