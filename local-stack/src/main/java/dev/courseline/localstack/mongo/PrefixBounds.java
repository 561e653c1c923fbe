package dev.courseline.localstack.mongo;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The index bounds of a regular expression anchored at the start, without options, as MongoDB derives them: every
 * string {@code /^abc/} matches lies in [abc, abd), the next string after every string with that prefix in the
 * index's order (strings compare as {@link String#compareTo} there). Anything else ({@code /abc/}, {@code /^abc/i},
 * alternation, a pattern starting with a class or group) gives no bounds. The bounds only narrow what is read: every
 * candidate is still checked against the expression itself.
 */
final class PrefixBounds {

    private static final String SYNTAX = ".[]()*+?{}|$^\\";

    private PrefixBounds() {
    }

    /** The range of a regex condition value ({@code /^abc/} or {@code {$regex: "^abc"}}), or null when none. */
    static Document of(Object value) {
        String pattern;
        String options;
        if (value instanceof BsonRegularExpression regex) {
            pattern = regex.getPattern();
            options = regex.getOptions();
        } else if (value instanceof Document operators && operators.get("$regex") != null
                && operators.keySet().stream().allMatch(key -> key.equals("$regex") || key.equals("$options"))) {
            Object regex = operators.get("$regex");
            if (regex instanceof BsonRegularExpression expression) {
                pattern = expression.getPattern();
                options = expression.getOptions();
            } else if (regex instanceof String text) {
                pattern = text;
                options = null;
            } else {
                return null;
            }
            if (operators.get("$options") instanceof String more && !more.isEmpty()) {
                options = (options == null ? "" : options) + more;
            }
        } else {
            return null;
        }
        if (options != null && !options.isEmpty()) {
            return null;
        }
        String prefix = prefix(pattern);
        if (prefix == null || prefix.isEmpty()) {
            return null;
        }
        Document range = new Document("$gte", prefix);
        String after = after(prefix);
        if (after != null) {
            range.put("$lt", after);
        }
        return range;
    }

    /** The literal text every match starts with, or null when the pattern is not anchored or may alternate. */
    static String prefix(String pattern) {
        if (!pattern.startsWith("^") || alternates(pattern)) {
            return null;
        }
        StringBuilder prefix = new StringBuilder();
        int i = 1;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            char literal;
            int next;
            if (c == '\\') {
                if (i + 1 >= pattern.length() || Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                    break;
                }
                literal = pattern.charAt(i + 1);
                next = i + 2;
            } else if (SYNTAX.indexOf(c) >= 0) {
                break;
            } else {
                literal = c;
                next = i + 1;
            }
            // A quantifier that allows zero of this character ends the prefix before it.
            if (next < pattern.length() && "*?{".indexOf(pattern.charAt(next)) >= 0) {
                break;
            }
            prefix.append(literal);
            i = next;
        }
        return prefix.toString();
    }

    /** True when the pattern holds a {@code |} that is not escaped: its other branches are not anchored. */
    private static boolean alternates(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                return true;
            }
        }
        return false;
    }

    /** The least string greater than every string starting with {@code prefix}, or null when there is none. */
    static String after(String prefix) {
        StringBuilder after = new StringBuilder(prefix);
        while (after.length() > 0) {
            int last = after.length() - 1;
            char c = after.charAt(last);
            if (c != Character.MAX_VALUE) {
                after.setCharAt(last, (char) (c + 1));
                return after.toString();
            }
            after.setLength(last);
        }
        return null;
    }
}
