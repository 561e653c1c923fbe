package dev.courseline.enquiry.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The corpus: the raw bodies of {@code hostile-bodies/raw-bodies.txt} for every endpoint, and for every field of each
 * endpoint's valid body that field replaced by each hostile value of {@code hostile-bodies/field-values.txt}, and
 * each object of it given an operator as an extra field name, and a key given twice.
 */
final class HostileBodies {

    record Case(String name, String path, byte[] body) {
        @Override
        public String toString() {
            return path + " " + name;
        }
    }

    /** Floats as BigDecimal, so 1e400 is sent as that number, not as the text "Infinity". */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Pattern REPEAT = Pattern.compile("\\{\\{(\\d+)\\*(.*?)}}");

    private HostileBodies() {
    }

    static List<Case> all(Map<String, Map<String, Object>> validBodies) {
        List<Case> cases = new ArrayList<>();
        List<String[]> raw = lines("hostile-bodies/raw-bodies.txt");
        List<String[]> values = lines("hostile-bodies/field-values.txt");
        validBodies.forEach((path, valid) -> {
            raw.forEach(line -> cases.add(new Case(line[0], path, decode(line.length > 1 ? line[1] : ""))));
            for (List<String> field : leaves(valid, List.of())) {
                for (String[] value : values) {
                    Object hostile = JSON.readValue(decode(value[1]), Object.class);
                    if (stillValid(valueAt(valid, field), hostile)) {
                        continue;
                    }
                    cases.add(new Case(String.join(".", field) + " = " + value[0], path,
                            JSON.writeValueAsBytes(replaced(valid, field, 0, old -> hostile))));
                }
            }
            for (List<String> object : objects(valid, List.of())) {
                for (String operator : List.of("$where", "$ne", "$set")) {
                    cases.add(new Case(
                            "operator field " + operator + " in "
                                    + (object.isEmpty() ? "body" : String.join(".", object)),
                            path, JSON.writeValueAsBytes(withExtraField(valid, object, operator))));
                }
            }
            String body = JSON.writeValueAsString(valid);
            for (String key : valid.keySet()) {
                cases.add(new Case("key " + key + " given twice, the second an operator", path,
                        (body.substring(0, body.length() - 1) + ", \"" + key + "\": {\"$ne\": null}}")
                                .getBytes(StandardCharsets.UTF_8)));
            }
        });
        return cases;
    }

    /** A boolean for a boolean, or a positive number for the decimal amount, is no hostile value there. */
    private static boolean stillValid(Object original, Object hostile) {
        return original instanceof Boolean && hostile instanceof Boolean
                || original instanceof String text && text.matches("\\d+\\.\\d{2}")
                        && hostile instanceof Number number && number.doubleValue() > 0 && number.doubleValue() < 1e12;
    }

    @SuppressWarnings("unchecked")
    private static Object valueAt(Map<String, Object> body, List<String> path) {
        Object node = body;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    /** Paths of every value that is not an object. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> leaves(Map<String, Object> body, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        body.forEach((key, value) -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(key);
            if (value instanceof Map<?, ?> nested) {
                paths.addAll(leaves((Map<String, Object>) nested, path));
            } else {
                paths.add(path);
            }
        });
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> objects(Map<String, Object> body, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(prefix);
        body.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                List<String> path = new ArrayList<>(prefix);
                path.add(key);
                paths.addAll(objects((Map<String, Object>) nested, path));
            }
        });
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> replaced(Map<String, Object> body, List<String> path, int depth,
            Function<Object, Object> change) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        String key = path.get(depth);
        copy.put(key, depth == path.size() - 1
                ? change.apply(copy.get(key))
                : replaced((Map<String, Object>) copy.get(key), path, depth + 1, change));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withExtraField(Map<String, Object> body, List<String> object, String name) {
        if (object.isEmpty()) {
            Map<String, Object> copy = new LinkedHashMap<>(body);
            copy.put(name, Map.of("anonymised", true));
            return copy;
        }
        return replaced(body, object, 0, old -> withExtraField((Map<String, Object>) old, List.of(), name));
    }

    private static List<String[]> lines(String resource) {
        try (InputStream in = HostileBodies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank() || line.contains("\t"))
                    .map(line -> line.split("\t", 2))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line's text as bytes: {@code \xHH} a raw byte, {@code {{N*text}}} the text N times ({@code \}} is a brace). */
    static byte[] decode(String line) {
        StringBuilder expanded = new StringBuilder();
        Matcher repeat = REPEAT.matcher(line);
        while (repeat.find()) {
            repeat.appendReplacement(expanded, Matcher.quoteReplacement(
                    repeat.group(2).replace("\\}", "}").repeat(Integer.parseInt(repeat.group(1)))));
        }
        repeat.appendTail(expanded);
        String text = expanded.toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\x", i) && i + 4 <= text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                int end = Character.isHighSurrogate(text.charAt(i)) ? i + 2 : i + 1;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return bytes.toByteArray();
    }
}
