package dev.courseline.website.api.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's metrics as its {@code /actuator/prometheus} page gives them (the Prometheus text format), read just
 * enough to show a few figures: samples by name and labels, sums, and a quantile from a histogram's buckets.
 */
public final class MetricSamples {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private MetricSamples(List<Sample> samples) {
        this.samples = samples;
    }

    public static MetricSamples parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            try {
                samples.add(new Sample(sample.group(1), labels, number(sample.group(4))));
            } catch (NumberFormatException notANumber) {
                // Not a sample this page can show.
            }
        }
        return new MetricSamples(samples);
    }

    /** A number as the text format writes it: Java's form, or {@code +Inf}, {@code -Inf} and {@code NaN}. */
    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    public double sum(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).sum();
    }

    public OptionalDouble max(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).max();
    }

    /** The sum of {@code name} for each value of {@code label}, in the label's order. */
    public Map<String, Double> sumBy(String name, String label) {
        Map<String, Double> sums = new TreeMap<>();
        samples.stream().filter(s -> s.name().equals(name))
                .forEach(s -> sums.merge(s.labels().getOrDefault(label, ""), s.value(), Double::sum));
        return sums;
    }

    /**
     * The {@code q} quantile of a histogram, as Prometheus's {@code histogram_quantile} estimates it: linear within
     * the bucket where the rank falls, over all label sets together. Empty when nothing was observed.
     */
    public OptionalDouble quantile(String histogram, double q) {
        Map<Double, Double> cumulative = new TreeMap<>();
        samples.stream().filter(s -> s.name().equals(histogram + "_bucket") && s.labels().containsKey("le"))
                .forEach(s -> cumulative.merge(number(s.labels().get("le")), s.value(), Double::sum));
        List<Map.Entry<Double, Double>> buckets = cumulative.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry::getKey)).toList();
        if (buckets.isEmpty() || buckets.get(buckets.size() - 1).getValue() == 0) {
            return OptionalDouble.empty();
        }
        double rank = q * buckets.get(buckets.size() - 1).getValue();
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return OptionalDouble.of(lowerBound);
                }
                double inBucket = bucket.getValue() - lowerCount;
                double fraction = inBucket == 0 ? 0 : (rank - lowerCount) / inBucket;
                return OptionalDouble.of(lowerBound + (bucket.getKey() - lowerBound) * fraction);
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return OptionalDouble.of(lowerBound);
    }
}
