package dev.courseline.deployment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes and compose memory quantities ("768Mi", "1Gi", "512M", "768m" in compose) in bytes. */
final class Quantity {

    private static final Pattern MEMORY = Pattern.compile("^([0-9.]+)\\s*(Ki|Mi|Gi|Ti|k|K|M|G|T|kb|mb|gb|b|m|g)?$");

    private Quantity() {
    }

    /** Compose reads a lower-case "m" as megabytes; so does this (Kubernetes would read millibytes, never meant). */
    static long bytes(String quantity) {
        Matcher matcher = MEMORY.matcher(quantity.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a memory quantity: " + quantity);
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2);
        long multiplier = switch (unit) {
            case "Ki" -> 1L << 10;
            case "Mi", "m", "mb" -> 1L << 20;
            case "Gi", "g", "gb" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "k", "K", "kb" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            default -> 1L;
        };
        return (long) (value * multiplier);
    }

    static long mebibytes(String quantity) {
        return bytes(quantity) >> 20;
    }
}
