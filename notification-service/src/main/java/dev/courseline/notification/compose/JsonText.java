package dev.courseline.notification.compose;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/**
 * Reads, as display text, the event fields whose shape the producer may choose (free text, or an object such as a
 * date window or an organisation with a name).
 */
final class JsonText {

    private JsonText() {
    }

    static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isObject()) {
            JsonNode name = node.get("name");
            if (name != null && !name.isNull() && !name.isObject() && !name.isArray()) {
                return name.asString();
            }
            return node.properties().stream()
                    .filter(field -> !field.getValue().isNull())
                    .map(JsonText::field)
                    .collect(Collectors.joining(", "));
        }
        if (node.isArray()) {
            return StreamSupport.stream(node.values().spliterator(), false)
                    .map(JsonText::of)
                    .collect(Collectors.joining(", "));
        }
        return node.asString();
    }

    private static String field(Map.Entry<String, JsonNode> field) {
        return field.getKey() + ": " + of(field.getValue());
    }
}
