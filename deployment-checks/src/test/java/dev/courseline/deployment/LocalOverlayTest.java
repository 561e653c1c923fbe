package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The local overlay runs the infrastructure in the cluster; it must be the infrastructure the services expect. */
class LocalOverlayTest {

    private final Rendered local = Kustomize.render(Repository.path("k8s/overlays/local"));

    @Test
    void runsKafkaInKraftModeAndMongoDbAsAReplicaSet() {
        Map<String, Object> kafka = local.find("StatefulSet", "kafka").orElseThrow().containers().get(0);
        Map<String, Object> mongodb = local.find("StatefulSet", "mongodb").orElseThrow().containers().get(0);

        assertThat(Tree.text(kafka, "image")).startsWith("apache/kafka:");
        assertThat(Tree.listAt(kafka, "env")).anySatisfy(env -> {
            assertThat(Tree.text(env, "name")).isEqualTo("KAFKA_PROCESS_ROLES");
            assertThat(Tree.text(env, "value")).contains("controller");
        });
        assertThat(Tree.text(mongodb, "image")).startsWith("mongo:");
        assertThat(Tree.listAt(mongodb, "args")).contains("--replSet");
    }

    @Test
    void kafkaAdvertisesTheAddressTheServicesBootstrapFrom() {
        Map<String, Object> kafka = local.find("StatefulSet", "kafka").orElseThrow().containers().get(0);
        String advertised = Tree.listAt(kafka, "env").stream()
                .filter(env -> "KAFKA_ADVERTISED_LISTENERS".equals(Tree.text(env, "name")))
                .map(env -> Tree.text(env, "value")).findFirst().orElseThrow();

        for (String service : servicesReading("KAFKA_BOOTSTRAP_SERVERS")) {
            Map<String, Object> container = local.find("Deployment", service).orElseThrow().containers().get(0);
            String bootstrap = ClusterRules.settingsOf(local, container, new ArrayList<>())
                    .get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(ComposeRules.advertisedListeners(advertised)).as(service).contains(bootstrap.split(","));
        }
    }

    @Test
    void servicesExpectTokensFromTheIssuerKeycloakNamesAndKeycloakImportsTheRealm() {
        Map<String, Object> keycloak = local.find("Deployment", "keycloak").orElseThrow().containers().get(0);
        String hostname = Tree.listAt(keycloak, "env").stream()
                .filter(env -> "KC_HOSTNAME".equals(Tree.text(env, "name")))
                .map(env -> Tree.text(env, "value")).findFirst().orElseThrow();
        String issuer = hostname + "/realms/" + DevelopmentRealm.load().name();

        for (String variable : ComposeRules.ISSUERS) {
            for (String service : servicesReading(variable)) {
                Map<String, Object> container = local.find("Deployment", service).orElseThrow().containers().get(0);
                assertThat(ClusterRules.settingsOf(local, container, new ArrayList<>()))
                        .as(service).containsEntry(variable, issuer);
            }
        }
        String realmConfigMap = Tree.listAt(local.find("Deployment", "keycloak").orElseThrow().podSpec(), "volumes")
                .stream()
                .map(volume -> Tree.text(volume, "configMap", "name")).filter(Objects::nonNull).findFirst()
                .orElseThrow();
        assertThat(local.find("ConfigMap", realmConfigMap).orElseThrow().at("data"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKey(DevelopmentRealm.FILE.getFileName().toString());
        assertThat(Tree.listAt(keycloak, "args")).containsAll(List.of("start-dev", "--import-realm"));
    }

    /** Not every service reads every setting: the website uses no Kafka, and only it signs staff in. */
    private static List<String> servicesReading(String variable) {
        List<String> services = ServiceContract.all().stream().filter(service -> service.reads(variable))
                .map(ServiceContract::name).toList();
        assertThat(services).as("services reading " + variable).isNotEmpty();
        return services;
    }
}
