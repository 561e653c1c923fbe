package dev.courseline.enquiry.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks that a published payload has exactly the fields of the committed example for its type. */
public final class Contracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Contracts() {
    }

    public static JsonNode example(String type) {
        Path path = Path.of("contracts/events", type + ".json");
        if (!Files.exists(path)) {
            path = Path.of("enquiry-service").resolve(path);
        }
        try {
            return JSON.readTree(Files.readString(path));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void assertMatchesExample(String type, JsonNode actual) {
        assertSameFields("", example(type), actual);
    }

    private static void assertSameFields(String at, JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            assertThat(names(actual)).as("fields of %s", at.isEmpty() ? "the payload" : at)
                    .isEqualTo(names(expected));
            for (String name : names(expected)) {
                assertSameFields(at + "." + name, expected.get(name), actual.get(name));
            }
        } else if (expected.isArray() && actual.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            assertSameFields(at + "[0]", expected.get(0), actual.get(0));
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
