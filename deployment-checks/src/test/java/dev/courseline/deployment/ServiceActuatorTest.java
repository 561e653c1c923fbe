package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The probes in the manifests are only as real as the actuator behind them. Outside Kubernetes (compose) Spring Boot
 * serves {@code /actuator/health/liveness} and {@code /readiness} only when the service switches the probe groups on.
 */
class ServiceActuatorTest {

    static final List<String> SERVICES = ServiceContract.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void servesTheProbeGroupsOverHttpAndKeepsInfrastructureOutOfLiveness(String name) {
        Actuator actuator = ServiceContract.of(name).actuator();

        assertThat(actuator.probesEnabled()).as("management.endpoint.health.probes.enabled").isTrue();
        assertThat(actuator.healthExposed()).as("health exposed over HTTP").isTrue();
        // A broker or database outage must make pods unready, never restart them all.
        assertThat(actuator.livenessIncludes()).as("liveness group").doesNotContain("mongo", "kafka", "mail", "db");
    }
}
