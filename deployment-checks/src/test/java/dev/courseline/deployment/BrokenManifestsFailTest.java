package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof that the checks bite: each test breaks one copy of the real manifests the way a careless edit would, and
 * expects the rule that guards against it to name the problem.
 */
class BrokenManifestsFailTest {

    private static final BuildFacts BUILD = BuildFacts.read();
    private static final List<ServiceContract> SERVICES = ServiceContract.all();

    @TempDir
    Path copy;

    @Test
    void aProbeOnAPathTheActuatorDoesNotServeFails() {
        Rendered local = renderBroken("local", "k8s/base/enquiry-service.yaml",
                "path: /actuator/health/readiness", "path: /actuator/health/ready");

        assertThat(serviceViolations(local)).anyMatch(
                violation -> violation.contains("enquiry-service readinessProbe asks /actuator/health/ready,"));
    }

    @Test
    void aProbeOnAPortTheActuatorDoesNotListenOnFails() {
        Rendered production = renderBroken("production", "k8s/base/catalogue-service.yaml",
                "              path: /actuator/health/liveness\n              port: management\n            periodSeconds: 10",
                "              path: /actuator/health/liveness\n              port: http\n            periodSeconds: 10");

        assertThat(serviceViolations(production))
                .contains("catalogue-service livenessProbe asks port http, not the actuator's port 8091");
    }

    @Test
    void aVariableTheServiceDoesNotReadFails() {
        Rendered local = renderBroken("local", "k8s/base/catalogue-service.yaml",
                "  SERVER_PORT: \"8081\"",
                "  SERVER_PORT: \"8081\"\n  MONGO_URL: mongodb://mongodb:27017/courseline-catalogue");

        assertThat(serviceViolations(local))
                .anyMatch(violation -> violation.contains("catalogue-service sets MONGO_URL, which it never reads"));
    }

    @Test
    void aContainerPortOtherThanTheServicesFails() {
        Rendered local = renderBroken("local", "k8s/base/notification-service.yaml",
                "containerPort: 8083", "containerPort: 8080");

        assertThat(serviceViolations(local)).anyMatch(violation -> violation
                .contains("notification-service exposes container port 8080, but the service listens on 8083"));
    }

    @Test
    void metricsOnTheHttpPortFail() {
        Rendered production = renderBroken("production", "k8s/base/enquiry-service.yaml",
                "  MANAGEMENT_SERVER_PORT: \"8092\"\n", "");

        assertThat(MetricsAccessRules.check(production, ServiceContract.of("enquiry-service"))).anyMatch(
                violation -> violation.startsWith("enquiry-service serves /actuator/prometheus on its HTTP port 8082"));
    }

    @Test
    void aNetworkPolicyOpeningTheManagementPortToEveryPodFails() {
        Rendered production = renderBroken("production", "k8s/components/network-policies/network-policies.yaml",
                "  ingress:\n    - ports:\n        - port: http", "  ingress:\n    - {}");

        assertThat(MetricsAccessRules.check(production, ServiceContract.of("notification-service"))).contains(
                "notification-service: NetworkPolicy courseline-services-http opens the management port 8093 to every source");
    }

    @Test
    void aMonitoredOverlayWhosePoliciesShutPrometheusOutFails() {
        Rendered monitored = renderBroken("local-monitored", "k8s/components/observability/kustomization.yaml",
                "  - metrics-network-policy.yaml\n", "");

        assertThat(MetricsAccessRules.check(monitored, ServiceContract.of("catalogue-service"))).contains(
                "catalogue-service: a ServiceMonitor scrapes it, but no network policy opens its management port 8091"
                        + " to the monitoring namespace");
    }

    @Test
    void aWritableRootFilesystemFails() {
        Rendered production = renderBroken("production", "k8s/base/catalogue-service.yaml",
                "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false");

        assertThat(serviceViolations(production)).contains("catalogue-service has a writable root filesystem");
    }

    @Test
    void aSettingPointingAtAHostTheClusterDoesNotHaveFails() {
        Rendered local = renderBroken("local", "k8s/base/enquiry-service.yaml",
                "KAFKA_BOOTSTRAP_SERVERS: kafka:9092", "KAFKA_BOOTSTRAP_SERVERS: kafka-broker:9092");

        List<String> violations = new ArrayList<>();
        SERVICES.forEach(service -> violations.addAll(NetworkRules.forService(local, service)));
        assertThat(violations).contains(
                "enquiry-service KAFKA_BOOTSTRAP_SERVERS -> kafka-broker:9092: the overlay has no Service kafka-broker");
    }

    @Test
    void aNetworkPolicyThatShutsTheServicesOutOfMongoDbFails() {
        Rendered local = renderBroken("local", "k8s/components/in-cluster-mongodb/mongodb.yaml",
                "app.kubernetes.io/part-of: courseline", "app.kubernetes.io/part-of: someone-else");

        List<String> violations = new ArrayList<>();
        SERVICES.forEach(service -> violations.addAll(NetworkRules.forService(local, service)));
        assertThat(violations).anyMatch(violation -> violation.contains(
                "catalogue-service MONGODB_URI -> mongodb:27017: the network policies of StatefulSet/mongodb do not let"));
    }

    @Test
    void aWebsitePointedAtAnApiTheClusterDoesNotHaveFails() {
        Rendered local = renderBroken("local", "k8s/base/website.yaml",
                "CATALOGUE_API_URL: http://catalogue-service:8081", "CATALOGUE_API_URL: http://catalogue:8081");

        List<String> violations = new ArrayList<>();
        SERVICES.forEach(service -> violations.addAll(NetworkRules.forService(local, service)));
        assertThat(violations)
                .contains("website CATALOGUE_API_URL -> catalogue:8081: the overlay has no Service catalogue");
    }

    @Test
    void anIngressThatLeavesAnApiPathToTheWebsiteFails() {
        Rendered local = renderBroken("local", "k8s/base/ingress.yaml", "path: /api/leads", "path: /api/lead");

        assertThat(IngressRules.check(local, SERVICES))
                .contains("Ingress/courseline routes /api/leads to website, but enquiry-service serves it");
    }

    @Test
    void anApiPathThatAnotherServicesPrefixTakesFailsUnlessTheIngressSaysSo() {
        Rendered local = renderBroken("local", "k8s/base/ingress.yaml",
                "courseline.dev/unrouted-api-paths: /api/runs/{runId}/seats ",
                "courseline.dev/unrouted-api-paths: ");

        assertThat(IngressRules.check(local, SERVICES))
                .contains(
                        "Ingress/courseline routes /api/runs/x/seats to catalogue-service, but enquiry-service serves it");
    }

    @Test
    void aNetworkPolicyThatShutsTheIngressControllerOutOfTheWebsiteFails() {
        Rendered production = renderBroken("production", "k8s/components/network-policies/network-policies.yaml",
                "values: [\"website\", ", "values: [");

        assertThat(IngressRules.check(production, SERVICES)).contains("Ingress/courseline -> website:http: the network "
                + "policies of Deployment/website do not let the ingress controller in");
    }

    @Test
    void aWebsiteAddressThatIsNotTheIngressHostFails() {
        Rendered production = renderBroken("production", "k8s/overlays/production/settings.yaml",
                "in-cluster Services.\n  WEBSITE_PUBLIC_URL: https://www.courseline.example",
                "in-cluster Services.\n  WEBSITE_PUBLIC_URL: https://courseline.example");

        assertThat(IngressRules.check(production, SERVICES))
                .contains(
                        "website WEBSITE_PUBLIC_URL=https://courseline.example is not a host of the Ingress [www.courseline.example]")
                .anyMatch(violation -> violation.startsWith("the services disagree on the website's address"));
    }

    @Test
    void aProductionOverlayWithoutAutoscalersFails() {
        Rendered production = renderBroken("production", "k8s/overlays/production/kustomization.yaml",
                "  - horizontal-pod-autoscalers.yaml\n", "");

        assertThat(OverlayRules.production(production, SERVICES))
                .contains("enquiry-service is scaled by 0 HorizontalPodAutoscalers, not one");
    }

    @Test
    void aProductionWebsiteThatKeepsTheDevelopmentClientSecretFails() {
        Rendered production = renderBroken("production", "k8s/overlays/production/kustomization.yaml",
                "  - path: secrets-website.yaml\n", "");

        assertThat(OverlayRules.production(production, SERVICES))
                .contains("website does not take WEBSITE_OIDC_CLIENT_SECRET from a Secret");
    }

    @Test
    void anOverlayThatDoesNotRenderFailsWithKubectlsOwnMessage() {
        copyManifests();
        replace("k8s/overlays/local/kustomization.yaml", "  - namespace.yaml\n",
                "  - namespace.yaml\n  - missing.yaml\n");

        assertThatThrownBy(() -> Kustomize.renderNow(copy.resolve("k8s/overlays/local")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl kustomize")
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void composeStartingAServiceBeforeItsDatabaseIsHealthyFails() {
        String compose = Repository.read(Repository.path("docker-compose.yml"));
        int catalogue = compose.indexOf("\n  catalogue-service:");
        String broken = compose.substring(0, catalogue) + replaceOnce(compose.substring(catalogue),
                "      mongodb:\n        condition: service_healthy",
                "      mongodb:\n        condition: service_started");

        assertThat(ComposeRules.check(ComposeRules.parse(broken), SERVICES, BUILD))
                .contains("catalogue-service depends on mongodb with condition service_started, not service_healthy");
    }

    @Test
    void composeStartingTheWebsiteBeforeTheEnquiryServiceIsHealthyFails() {
        String compose = Repository.read(Repository.path("docker-compose.yml"));
        int website = compose.indexOf("\n  website:");
        String broken = compose.substring(0, website) + replaceOnce(compose.substring(website),
                "      enquiry-service:\n        condition: service_healthy\n", "");

        assertThat(ComposeRules.check(ComposeRules.parse(broken), SERVICES, BUILD)).contains(
                "website ENQUIRY_API_URL -> enquiry-service:8082: website does not wait for enquiry-service (depends_on)");
    }

    @Test
    void composePublishingTheWebsiteOnKeycloaksHostPortFails() {
        String compose = Repository.read(Repository.path("docker-compose.yml"));
        String broken = replaceOnce(compose, "      - \"127.0.0.1:8080:8080\"", "      - \"127.0.0.1:9000:8080\"");

        assertThat(ComposeRules.check(ComposeRules.parse(broken), SERVICES, BUILD)).contains(
                "website publishes host port 9000, which keycloak publishes already",
                "website is told it is at http://localhost:8080, but it is published on host port(s) [9000]");
    }

    @Test
    void composeWithAMistypedVariableFails() {
        String compose = Repository.read(Repository.path("docker-compose.yml"));
        String broken = replaceOnce(compose, "      SMTP_HOST: mailpit", "      SMTP_SERVER: mailpit");

        assertThat(ComposeRules.check(ComposeRules.parse(broken), SERVICES, BUILD)).contains(
                "notification-service sets SMTP_SERVER, which it never reads ("
                        + ServiceContract.of("notification-service").source() + ")",
                "notification-service does not set SMTP_HOST, whose default (localhost) is wrong in a container");
    }

    @Test
    void composeGivingAServiceJvmFlagsOfItsOwnFails() {
        String compose = Repository.read(Repository.path("docker-compose.yml"));
        String broken = replaceOnce(compose, "      SMTP_HOST: mailpit",
                "      SMTP_HOST: mailpit\n      JAVA_TOOL_OPTIONS: -Xmx512m");

        assertThat(ComposeRules.check(ComposeRules.parse(broken), SERVICES, BUILD)).anyMatch(violation -> violation
                .startsWith("notification-service sets JAVA_TOOL_OPTIONS=-Xmx512m: the image already runs"));
    }

    @Test
    void aPodWithJvmFlagsOtherThanTheImagesFails() {
        Rendered production = renderBroken("production", "k8s/base/catalogue-service.yaml",
                "  SERVER_PORT: \"8081\"", "  SERVER_PORT: \"8081\"\n  JDK_JAVA_OPTIONS: -XX:MaxRAMPercentage=75");

        assertThat(serviceViolations(production)).anyMatch(violation -> violation
                .startsWith("catalogue-service sets JDK_JAVA_OPTIONS=-XX:MaxRAMPercentage=75: the image already runs"));
    }

    @Test
    void composeKafkaAdvertisingAnAddressContainersCannotReachFails() {
        String compose = Repository.read(Repository.path("docker-compose.yml"));
        String broken = replaceOnce(compose, "INTERNAL://kafka:19092", "INTERNAL://localhost:19092");

        assertThat(ComposeRules.check(ComposeRules.parse(broken), SERVICES, BUILD))
                .anyMatch(violation -> violation.startsWith(
                        "enquiry-service bootstraps from kafka:19092, but kafka advertises [localhost:19092, localhost:9092]"));
    }

    @Test
    void aRealmWithoutTheRolesClaimFails() {
        String realm = Repository.read(DevelopmentRealm.FILE);
        String broken = replaceOnce(realm, "\"claim.name\": \"roles\"", "\"claim.name\": \"realm_roles\"");

        assertThat(DevelopmentRealm.parse(broken).violations(DevelopmentRealm.conventionsUsers()))
                .contains("courseline-cli puts no multivalued realm-role claim named roles in access tokens");
    }

    @Test
    void aRealmWhoseWebsiteClientDoesNotReturnToTheWebsiteFails() {
        String realm = Repository.read(DevelopmentRealm.FILE);
        String broken = replaceOnce(realm, "\"http://localhost:8080/login/oauth2/code/courseline\"",
                "\"http://localhost:8080/*\"");

        assertThat(DevelopmentRealm.parse(broken).websiteClientViolations(ServiceContract.of(IngressRules.WEBSITE)))
                .contains(
                        "courseline-website accepts no redirect to http://localhost:8080/login/oauth2/code/…, so sign-in ends on Keycloak's error page");
    }

    private List<String> serviceViolations(Rendered rendered) {
        List<String> violations = new ArrayList<>();
        SERVICES.forEach(service -> violations.addAll(ClusterRules.forService(rendered, service, BUILD)));
        return violations;
    }

    private Rendered renderBroken(String overlay, String file, String original, String broken) {
        copyManifests();
        replace(file, original, broken);
        return Kustomize.renderNow(copy.resolve("k8s/overlays/" + overlay));
    }

    private void replace(String file, String original, String broken) {
        Path target = copy.resolve(file);
        try {
            Files.writeString(target, replaceOnce(Files.readString(target), original, broken));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails loudly if the text to break is not there, so a test can never pass on an edit that did nothing. */
    private static String replaceOnce(String text, String original, String broken) {
        assertThat(text).as("text to break").contains(original);
        return text.replaceFirst(Pattern.quote(original), Matcher.quoteReplacement(broken));
    }

    private void copyManifests() {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
