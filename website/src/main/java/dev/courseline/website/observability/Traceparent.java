package dev.courseline.website.observability;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.TraceContext;

/**
 * A W3C trace context as the {@code traceparent} header writes it, {@code 00-<trace id>-<span id>-<flags>}: the form
 * in which a context is stored with work another thread does later, and sent in headers.
 */
public record Traceparent(String traceId, String spanId, boolean sampled) {

    public static final String HEADER = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);

    public static Traceparent of(TraceContext context) {
        return new Traceparent(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled()));
    }

    /** Empty for null, a malformed value or the all-zero ids the W3C format reserves for "no trace". */
    public static Optional<Traceparent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(value.trim());
        if (!matcher.matches() || INVALID_TRACE_ID.equals(matcher.group(1))
                || INVALID_SPAN_ID.equals(matcher.group(2))) {
            return Optional.empty();
        }
        boolean sampled = (Integer.parseInt(matcher.group(3), 16) & 1) == 1;
        return Optional.of(new Traceparent(matcher.group(1), matcher.group(2), sampled));
    }

    /** The trace id of a stored {@code traceparent}, or null when there is none. */
    public static String traceIdOf(String value) {
        return parse(value).map(Traceparent::traceId).orElse(null);
    }

    public String value() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }
}
