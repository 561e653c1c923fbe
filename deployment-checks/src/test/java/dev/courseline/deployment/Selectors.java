package dev.courseline.deployment;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Kubernetes label selectors, as the API server evaluates them. */
final class Selectors {

    private Selectors() {
    }

    /** A Service's selector: a plain map of labels. */
    static boolean matchesPlain(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(entry -> Objects.equals(String.valueOf(entry.getValue()), text(labels.get(entry.getKey()))));
    }

    /** A LabelSelector ({@code matchLabels}, {@code matchExpressions}); an empty one selects everything. */
    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        boolean labelsMatch = Tree.mapAt(selector, "matchLabels").entrySet().stream()
                .allMatch(entry -> Objects.equals(String.valueOf(entry.getValue()), text(labels.get(entry.getKey()))));
        boolean expressionsMatch = Tree.listAt(selector, "matchExpressions").stream()
                .map(Tree::map)
                .allMatch(expression -> expressionMatches(expression, labels));
        return labelsMatch && expressionsMatch;
    }

    private static boolean expressionMatches(Map<String, Object> expression, Map<String, Object> labels) {
        String value = text(labels.get(Tree.text(expression, "key")));
        List<String> values = Tree.listAt(expression, "values").stream().map(String::valueOf).toList();
        return switch (String.valueOf(Tree.text(expression, "operator"))) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
