package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders every overlay under k8s/overlays with kubectl and checks what it would apply to a cluster. */
class KubernetesOverlaysTest {

    private static final BuildFacts BUILD = BuildFacts.read();
    private static final List<ServiceContract> SERVICES = ServiceContract.all();

    static Stream<Path> overlays() throws IOException {
        try (Stream<Path> entries = Files.list(Repository.path("k8s/overlays"))) {
            return entries.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void thereIsALocalAndAProductionOverlay() throws IOException {
        assertThat(overlays().map(path -> path.getFileName().toString())).contains("local", "production");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rendersWellFormedObjectsInTheCourselineNamespace(Path overlay) {
        Rendered rendered = Kustomize.render(overlay);

        assertThat(OverlayRules.wellFormed(rendered)).as(overlay + " objects").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceMatchesItsImageItsSettingsAndItsActuatorAndIsHardened(Path overlay) {
        Rendered rendered = Kustomize.render(overlay);

        List<String> violations = new ArrayList<>();
        SERVICES.forEach(service -> violations.addAll(ClusterRules.forService(rendered, service, BUILD)));

        assertThat(violations).as(overlay + " services").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceReachesWhatItsSettingsNameAndIsReachable(Path overlay) {
        Rendered rendered = Kustomize.render(overlay);

        List<String> violations = new ArrayList<>();
        SERVICES.forEach(service -> violations.addAll(NetworkRules.forService(rendered, service)));

        assertThat(violations).as(overlay + " connections").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theIngressSendsPagesToTheWebsiteAndEachApiPathToTheServiceThatServesIt(Path overlay) {
        assertThat(IngressRules.check(Kustomize.render(overlay), SERVICES)).as(overlay + " ingress").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyWorkloadIncludingInfrastructureIsBoundedProbedAndUnprivileged(Path overlay) {
        assertThat(OverlayRules.workloadsHardened(Kustomize.render(overlay))).as(overlay + " workloads").isEmpty();
    }

    @Test
    void everyComponentIsPartOfAnOverlaySoItIsRenderedAndChecked() throws IOException {
        List<String> components;
        try (Stream<Path> entries = Files.list(Repository.path("k8s/components"))) {
            components = entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted()
                    .toList();
        }
        StringBuilder overlayKustomizations = new StringBuilder();
        for (Path overlay : overlays().toList()) {
            overlayKustomizations.append(Repository.read(overlay.resolve("kustomization.yaml")));
        }

        assertThat(components).isNotEmpty()
                .allSatisfy(component -> assertThat(overlayKustomizations).as("overlays using component " + component)
                        .contains("../../components/" + component));
    }
}
