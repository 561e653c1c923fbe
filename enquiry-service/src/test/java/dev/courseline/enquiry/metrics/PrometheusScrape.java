package dev.courseline.enquiry.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.reactive.server.WebTestClient;

/** One answer of {@code /actuator/prometheus} (text format), read as its samples: name, labels, value. */
public record PrometheusScrape(List<Sample> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of the exposition. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Reads the service's {@code /actuator/prometheus} anonymously, as Prometheus does. */
    public static PrometheusScrape of(WebTestClient web) {
        // The exposition is larger than the service's own limit on bodies it reads, which the test client inherits.
        WebTestClient reader = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 << 20)).build();
        return parse(reader.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new PrometheusScrape(List.copyOf(samples));
    }

    /** Every sample name, as PromQL selects them (with {@code _total}, {@code _bucket}, {@code _count}, ...). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The sum of the samples of {@code name} carrying all of {@code labels}; null if there is none. */
    public Double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        return matching.isEmpty() ? null : matching.stream().mapToDouble(Sample::value).sum();
    }

    public Double value(String name, String... labelPairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return value(name, labels);
    }

    /** How much {@code name} grew since {@code before}; a series not there before counts from 0, one not there now fails. */
    public double increaseSince(PrometheusScrape before, String name, String... labelPairs) {
        Double later = value(name, labelPairs);
        if (later == null) {
            throw new AssertionError("no sample " + name + " " + String.join(",", labelPairs));
        }
        Double earlier = before.value(name, labelPairs);
        return later - (earlier == null ? 0 : earlier);
    }
}
