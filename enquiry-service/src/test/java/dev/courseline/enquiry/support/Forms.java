package dev.courseline.enquiry.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Valid request bodies with unique emails and organisations, to be changed field by field in tests. */
public final class Forms {

    private Forms() {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }

    public static Map<String, Object> quote(String email, String organisation) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisation", new HashMap<>(Map.of("name", organisation, "country", "GB")));
        body.put("contact", contact("Priya Shah", email));
        body.put("programme", "in-house");
        body.put("teamSize", 24);
        body.put("deliveryMode", "ONSITE");
        body.put("location", "Manchester");
        body.put("preferredDates", "Second half of January 2027");
        body.put("budget", new HashMap<>(Map.of("amount", "12000.00", "currency", "GBP")));
        body.put("message", "Mixed team,\nnew to Scrum.");
        body.put("consent", new HashMap<>(Map.of("privacyNoticeVersion", "2026-09", "marketing", false)));
        return body;
    }

    public static Map<String, Object> membership(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("contact", contact("Tomas Novak", email));
        body.put("plan", "annual");
        body.put("message", "I hold PSM I.");
        body.put("consent", new HashMap<>(Map.of("privacyNoticeVersion", "2026-09", "marketing", true)));
        return body;
    }

    public static Map<String, Object> contact(String name, String email) {
        Map<String, Object> contact = new HashMap<>();
        contact.put("name", name);
        contact.put("email", email);
        contact.put("phone", "+44 20 7946 0958");
        contact.put("jobTitle", "Head of Delivery");
        return contact;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> part(Map<String, Object> body, String name) {
        return (Map<String, Object>) body.get(name);
    }
}
