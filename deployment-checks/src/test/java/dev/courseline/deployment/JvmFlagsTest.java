package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The services run with the root pom's {@code courseline.jvm.flags} everywhere: the launcher and the images read them
 * from the build (ContainerImageTest), and neither docker-compose.yml nor any overlay sets flags of its own or
 * replaces the image's entrypoint.
 */
class JvmFlagsTest {

    private static final BuildFacts BUILD = BuildFacts.read();

    static Stream<Path> overlays() throws IOException {
        return KubernetesOverlaysTest.overlays();
    }

    @Test
    void composeLeavesTheImagesJvmFlagsAlone() {
        Map<String, Object> services = Tree.mapAt(
                ComposeRules.parse(Repository.read(Repository.path("docker-compose.yml"))),
                "services");
        List<String> violations = new ArrayList<>();
        for (String name : ServiceContract.NAMES) {
            Map<String, Object> service = Tree.mapAt(services, name);
            violations.addAll(
                    JvmFlagRules.check(name, ComposeRules.environment(service), service.get("entrypoint"), BUILD));
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyOverlayLeavesTheImagesJvmFlagsAlone(Path overlay) {
        Rendered rendered = Kustomize.render(overlay);
        List<String> violations = new ArrayList<>();
        for (String name : ServiceContract.NAMES) {
            rendered.find("Deployment", name)
                    .ifPresent(deployment -> deployment.containers()
                            .forEach(container -> violations.addAll(JvmFlagRules.check(name,
                                    ClusterRules.settingsOf(rendered, container, new ArrayList<>()),
                                    Tree.at(container, "command"), BUILD))));
        }

        assertThat(violations).as(overlay.toString()).isEmpty();
    }
}
