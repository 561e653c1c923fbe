package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** In every overlay, the services' metrics are reachable from the cluster's monitoring and from nothing else. */
class MetricsAccessTest {

    static Stream<Path> overlays() throws IOException {
        return KubernetesOverlaysTest.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void prometheusIsReachableOnlyFromTheMonitoringNamespace(Path overlay) {
        Rendered rendered = Kustomize.render(overlay);
        List<String> violations = new ArrayList<>();
        ServiceContract.all().forEach(service -> violations.addAll(MetricsAccessRules.check(rendered, service)));

        assertThat(violations).as(overlay.toString()).isEmpty();
    }
}
