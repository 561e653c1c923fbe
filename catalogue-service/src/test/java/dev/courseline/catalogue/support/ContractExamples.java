package dev.courseline.catalogue.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The producer's committed example payloads ({@code contracts/events/<ce_type>.json}) that consumer tests read. */
public final class ContractExamples {

    private static final Path DIRECTORY = Path.of("contracts", "events");

    private ContractExamples() {
    }

    public static JsonNode example(JsonMapper json, String ceType) {
        try {
            return json.readTree(Files.readString(DIRECTORY.resolve(ceType + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field path of a payload, e.g. {@code listPrice.amount}; array elements are described by the first one. */
    public static Set<String> fieldPaths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
                paths.add(path);
                collect(entry.getValue(), path, paths);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            collect(node.get(0), prefix + "[]", paths);
        }
    }
}
