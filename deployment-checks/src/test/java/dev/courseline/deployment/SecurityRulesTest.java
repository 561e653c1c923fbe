package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The review's manifest holes stay closed in the real overlays, and each rule names the hole when it is reopened. */
class SecurityRulesTest {

    @TempDir
    Path copy;

    static Stream<Path> overlays() throws IOException {
        return KubernetesOverlaysTest.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theLinkSecretComesFromASecret(Path overlay) {
        assertThat(SecurityRules.linkSecretFromSecret(Kustomize.render(overlay))).as(overlay.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theEnquiryServicesReadinessLeavesKafkaOut(Path overlay) {
        assertThat(SecurityRules.readinessWithoutKafka(Kustomize.render(overlay))).as(overlay.toString()).isEmpty();
    }

    @Test
    void productionSeedsNothingAddressesEveryRoutingTeamAndReplicatesTheTopics() {
        assertThat(SecurityRules.routingTeams()).contains("general", "enterprise", "membership", "emea", "americas",
                "apac");

        assertThat(SecurityRules.production(Kustomize.render(Repository.path("k8s/overlays/production")))).isEmpty();
    }

    @Test
    void aLinkSecretLeftToTheDefaultFails() {
        Rendered production = renderBroken("production", "k8s/overlays/production/secrets-enquiry-service.yaml",
                "            - name: ENQUIRY_LINK_SECRET\n              valueFrom:\n                secretKeyRef:\n"
                        + "                  name: enquiry-service-links\n                  key: secret\n",
                "");

        assertThat(SecurityRules.linkSecretFromSecret(production)).anyMatch(
                violation -> violation.contains("enquiry-service does not take ENQUIRY_LINK_SECRET from a Secret"));
    }

    @Test
    void seedingInProductionFails() {
        Rendered production = renderBroken("production", "k8s/overlays/production/settings.yaml",
                "CATALOGUE_SEED_ENABLED: \"false\"", "CATALOGUE_SEED_ENABLED: \"true\"");

        assertThat(SecurityRules.production(production))
                .anyMatch(violation -> violation.contains("catalogue-service seeds demonstration runs"));
    }

    @Test
    void aRoutingTeamWithoutAProductionAddressFails() {
        Rendered production = renderBroken("production", "k8s/overlays/production/settings.yaml",
                "  SALES_MEMBERSHIP_ADDRESS: sales-membership@courseline.example\n", "");

        assertThat(SecurityRules.production(production)).contains("routing team membership has no production address "
                + "SALES_MEMBERSHIP_ADDRESS, so its leads go to the development default");
    }

    @Test
    void anUnreplicatedTopicFails() {
        Rendered production = renderBroken("production", "k8s/overlays/production/settings.yaml",
                "  ENQUIRY_TOPIC_MIN_INSYNC_REPLICAS: \"2\"\n", "");

        assertThat(SecurityRules.production(production)).anyMatch(violation -> violation
                .startsWith("enquiry-service creates enquiries with 3 replica(s) and min.insync.replicas 1"));
    }

    @Test
    void aReadinessProbeOnTheWholeHealthFails() {
        Rendered local = renderBroken("local", "k8s/base/enquiry-service.yaml",
                "path: /actuator/health/readiness", "path: /actuator/health");

        assertThat(SecurityRules.readinessWithoutKafka(local)).anyMatch(violation -> violation
                .contains("enquiry-service readinessProbe asks /actuator/health, not the readiness group"));
    }

    private Rendered renderBroken(String overlay, String file, String original, String broken) {
        Path source = Repository.path("k8s");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path target = copy.resolve("k8s").resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
            Path target = copy.resolve(file);
            String text = Files.readString(target);
            assertThat(text).as("text to break").contains(original);
            Files.writeString(target, text.replaceFirst(Pattern.quote(original), Matcher.quoteReplacement(broken)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Kustomize.renderNow(copy.resolve("k8s/overlays/" + overlay));
    }
}
