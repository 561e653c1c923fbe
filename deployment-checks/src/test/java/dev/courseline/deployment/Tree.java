package dev.courseline.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Walks the maps and lists SnakeYAML parses into, treating anything missing or of another shape as absent. */
final class Tree {

    private Tree() {
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> list ? (List<Object>) list : List.of();
    }

    static Map<String, Object> mapAt(Object node, String... path) {
        return map(at(node, path));
    }

    static List<Object> listAt(Object node, String... path) {
        return list(at(node, path));
    }

    /** A scalar as text, as the container runtime would see it ("8081" and 8081 are the same); null if absent. */
    static String text(Object node, String... path) {
        Object value = at(node, path);
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }
}
