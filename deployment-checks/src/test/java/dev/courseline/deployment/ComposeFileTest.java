package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** docker-compose.yml, parsed and checked against the services' real settings; no Docker engine needed. */
class ComposeFileTest {

    @Test
    void runsTheWebsiteAndTheServicesOnHealthyKafkaMongoDbMailpitAndKeycloakWithTheSettingsTheyRead() {
        var compose = ComposeRules.parse(Repository.read(Repository.path("docker-compose.yml")));

        assertThat(Tree.mapAt(compose, "services")).containsKeys("kafka", "mongodb", "mailpit", "keycloak",
                "catalogue-service", "enquiry-service", "notification-service", "website");
        assertThat(ComposeRules.check(compose, ServiceContract.all(), BuildFacts.read())).isEmpty();
    }

    @Test
    void runsTheSameInfrastructureImagesAsTheLocalCluster() {
        var services = Tree.mapAt(ComposeRules.parse(Repository.read(Repository.path("docker-compose.yml"))),
                "services");
        Rendered local = Kustomize.render(Repository.path("k8s/overlays/local"));

        for (String infrastructure : List.of("kafka", "mongodb", "mailpit", "keycloak")) {
            String clusterImage = local.workloads().stream()
                    .filter(workload -> infrastructure.equals(workload.name()))
                    .map(workload -> Tree.text(workload.containers().get(0), "image"))
                    .findFirst().orElseThrow();
            assertThat(Tree.text(services, infrastructure, "image")).as(infrastructure).isEqualTo(clusterImage);
        }
    }
}
