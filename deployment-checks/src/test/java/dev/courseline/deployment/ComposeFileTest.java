package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docker-compose.yml, parsed and checked against the services' real settings; no Docker engine needed. */
class ComposeFileTest {

    @Test
    void runsTheServicesOnHealthyKafkaMongoDbMailpitAndKeycloakWithTheSettingsTheyRead() {
        var compose = ComposeRules.parse(Repository.read(Repository.path("docker-compose.yml")));

        assertThat(Tree.mapAt(compose, "services")).containsKeys("kafka", "mongodb", "mailpit", "keycloak",
                "catalogue-service", "enquiry-service", "notification-service");
        assertThat(ComposeRules.check(compose, ServiceContract.all(), BuildFacts.read())).isEmpty();
    }
}
