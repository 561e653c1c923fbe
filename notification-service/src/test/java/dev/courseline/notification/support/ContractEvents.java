package dev.courseline.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The enquiry service's example payloads (its contract), read from the repository so that these tests break when the
 * producer changes a field this consumer reads.
 */
public final class ContractEvents {

    private static final Path FOLDER = Path.of("..", "enquiry-service", "contracts", "events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContractEvents() {
    }

    public static ObjectNode example(String type) {
        Path file = FOLDER.resolve(type + ".json");
        try {
            return (ObjectNode) JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Missing contract example " + file.toAbsolutePath(), e);
        }
    }

    public static byte[] bytes(ObjectNode payload) {
        return JSON.writeValueAsBytes(payload);
    }
}
