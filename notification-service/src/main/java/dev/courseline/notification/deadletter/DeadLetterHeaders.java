package dev.courseline.notification.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;

/**
 * The headers a dead letter carries about where it came from and why, under the names the binder's own dead-letter
 * handling used ({@code x-original-topic}, {@code x-exception-message}, ...), and the mark a replayed record carries.
 */
public final class DeadLetterHeaders {

    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    public static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";
    public static final String EXCEPTION_FQCN = "x-exception-fqcn";
    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    /** On a replayed record: the id of the dead letter it came from. */
    public static final String REPLAYED_FROM = "x-replayed-from";
    /** Every header of ours and of the recoverer starts so; a replay drops them. */
    public static final String PREFIX = "x-";

    private DeadLetterHeaders() {
    }

    static HeaderNames names() {
        return HeaderNames.Builder.original()
                .topicHeader(ORIGINAL_TOPIC)
                .partitionHeader(ORIGINAL_PARTITION)
                .offsetHeader(ORIGINAL_OFFSET)
                .timestampHeader(ORIGINAL_TIMESTAMP)
                .timestampTypeHeader("x-original-timestamp-type")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn")
                .exceptionFqcn(EXCEPTION_FQCN)
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .exceptionMessage(EXCEPTION_MESSAGE)
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace("x-exception-stacktrace")
                .build();
    }

    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The recoverer writes partition and offset as big-endian binary numbers. */
    static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        return switch (value.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(value).getInt();
            case Long.BYTES -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }
}
