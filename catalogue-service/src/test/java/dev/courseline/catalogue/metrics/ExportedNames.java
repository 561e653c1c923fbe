package dev.courseline.catalogue.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The committed list of the metric names a service exports, {@code docs/metrics/<service>.txt}, which
 * deployment-checks holds the dashboard and the alert rules to. A test run writes it with {@code -Dmetrics.write=true};
 * otherwise the test fails when the list names anything the service did not export, or misses one of Courseline's own.
 */
public final class ExportedNames {

    private ExportedNames() {
    }

    public static void check(String service, Set<String> exported) {
        write(Path.of("target", "metrics", "exported-names.txt"), exported);
        Path file = Path.of("..", "docs", "metrics", service + ".txt");
        if (Boolean.getBoolean("metrics.write")) {
            write(file, exported);
            return;
        }
        Set<String> committed = read(file);
        assertThat(exported).as("names in " + file + " that the service did not export (rewrite it with "
                + "-Dmetrics.write=true)").containsAll(committed);
        assertThat(committed).as("Courseline's own names missing from " + file + " (rewrite it with "
                + "-Dmetrics.write=true)").containsAll(exported.stream().filter(name -> name.startsWith("courseline_"))
                        .toList());
    }

    private static Set<String> read(Path file) {
        try {
            return new TreeSet<>(Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + "; write it with -Dmetrics.write=true", e);
        }
    }

    private static void write(Path file, Set<String> names) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# Written by the service's MetricsIntegrationTest with -Dmetrics.write=true: the "
                    + "names its /actuator/prometheus exported\n# after a scenario; deployment-checks allow dashboards "
                    + "and rules only these.\n" + String.join("\n", new TreeSet<>(names)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
