package dev.courseline.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/** One series read from a service's {@code /actuator/prometheus}, as Prometheus would scrape it. */
final class Metrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Metrics() {
    }

    /**
     * The sum of every sample of {@code name} whose labels contain {@code labelFilter} (e.g. {@code state="pending"},
     * or empty for all); empty when the service does not answer.
     */
    static OptionalDouble sum(String baseUrl, String name, String labelFilter) {
        String text;
        try {
            HttpResponse<String> response = HTTP
                    .send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            text = response.body();
        } catch (Exception e) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (!(line.startsWith(name + "{") || line.startsWith(name + " ")) || !line.contains(labelFilter)) {
                continue;
            }
            sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            found = true;
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
