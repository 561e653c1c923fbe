package dev.courseline.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where a service's health probes really are, from its application.yml: the management port
 * ({@code management.server.port}, else the service's own), the base path ({@code management.endpoints.web.base-path},
 * else {@code /actuator}), and whether the probe groups and the health endpoint are switched on.
 */
record Actuator(int port, String basePath, boolean probesEnabled, boolean healthExposed, List<String> livenessIncludes,
        boolean prometheusExposed) {

    /** {@code management.server.port} as a variable: a deployment moves the actuator to a port of its own. */
    static final String MANAGEMENT_PORT_VARIABLE = "MANAGEMENT_SERVER_PORT";

    /** The port the actuator listens on in a container with these settings. */
    int portIn(Map<String, String> settings) {
        String port = settings.get(MANAGEMENT_PORT_VARIABLE);
        return port != null && port.matches("\\d+") ? Integer.parseInt(port) : this.port;
    }

    static Actuator of(Map<String, String> properties, int servicePort) {
        String managementPort = properties.get("management.server.port");
        String basePath = properties.getOrDefault("management.endpoints.web.base-path", "/actuator");
        List<String> include = list(properties.get("management.endpoints.web.exposure.include"));
        List<String> exclude = list(properties.get("management.endpoints.web.exposure.exclude"));
        // Spring Boot exposes health over HTTP unless an include list leaves it out or an exclude names it.
        boolean healthExposed = (include.isEmpty() || include.contains("health") || include.contains("*"))
                && !exclude.contains("health") && !exclude.contains("*");
        return new Actuator(managementPort == null ? servicePort : Integer.parseInt(managementPort), basePath,
                "true".equals(properties.get("management.endpoint.health.probes.enabled")), healthExposed,
                list(properties.get("management.endpoint.health.group.liveness.include")),
                (include.contains("prometheus") || include.contains("*")) && !exclude.contains("prometheus"));
    }

    /** What docs/conventions.md promises when a service's application.yml is not there yet. */
    static Actuator conventional(int servicePort) {
        return new Actuator(servicePort, "/actuator", true, true, List.of(), false);
    }

    String liveness() {
        return basePath + "/health/liveness";
    }

    String readiness() {
        return basePath + "/health/readiness";
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank()
                ? List.of()
                : Arrays.stream(commaSeparated.replaceAll("[\\[\\]]", "").split(",")).map(String::trim).toList();
    }
}
