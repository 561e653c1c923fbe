package dev.courseline.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The metric names the services really export: {@code docs/metrics/<service>.txt}, written by each service's
 * {@code MetricsIntegrationTest} from a scrape and checked by it on every build, plus the few names Prometheus and
 * kube-state-metrics themselves provide.
 */
final class ExportedMetrics {

    /** Not exported by a service: Prometheus's own scrape result and the kube-state-metrics the rules read. */
    static final Set<String> FROM_THE_CLUSTER = Set.of("up", "kube_deployment_status_replicas_unavailable");
    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum");

    private ExportedMetrics() {
    }

    static Set<String> byServices() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(Repository.path("docs/metrics"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".txt")).toList()) {
                Files.readAllLines(file).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Whether a rule or panel may read {@code name}: exported as it is, or as a histogram's or summary's series. */
    static boolean allows(Set<String> exported, String name) {
        if (exported.contains(name) || FROM_THE_CLUSTER.contains(name)) {
            return true;
        }
        return SUFFIXES.stream().anyMatch(suffix -> exported.contains(name + suffix));
    }
}
