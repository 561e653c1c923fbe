package dev.courseline.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /actuator/prometheus} is reachable only from the cluster's monitoring: the actuator listens on a port of its
 * own ({@code MANAGEMENT_SERVER_PORT}), the network policies isolate the pod, and every rule that opens that port
 * admits only pods of a named namespace other than Courseline's (no rule open to all, no in-namespace pod, no IP
 * range). Where a ServiceMonitor scrapes the services, some rule must open it, or nothing is scraped.
 */
final class MetricsAccessRules {

    /** The label Kubernetes gives every namespace: its name. */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private MetricsAccessRules() {
    }

    static List<String> check(Rendered rendered, ServiceContract contract) {
        List<String> violations = new ArrayList<>();
        String name = contract.name();
        Optional<KubeObject> deployment = rendered.find("Deployment", name);
        if (!contract.actuator().prometheusExposed() || deployment.isEmpty()) {
            return violations;
        }
        Map<String, Object> container = deployment.get().containers().get(0);
        Map<String, String> settings = ClusterRules.settingsOf(rendered, container, new ArrayList<>());
        int actuatorPort = contract.actuator().portIn(settings);
        Integer httpPort = ClusterRules.portNamed(container, "http");
        if (httpPort == null || actuatorPort == httpPort) {
            violations.add(name + " serves /actuator/prometheus on its HTTP port " + httpPort
                    + ", which the Ingress and every caller of its API reach; give the actuator a port of its own ("
                    + Actuator.MANAGEMENT_PORT_VARIABLE + ")");
            return violations;
        }
        List<KubeObject> policies = rendered.ofKind("NetworkPolicy").stream()
                .filter(policy -> Selectors.matches(Tree.mapAt(policy.body(), "spec", "podSelector"),
                        deployment.get().podLabels()))
                .filter(policy -> {
                    List<Object> types = Tree.listAt(policy.body(), "spec", "policyTypes");
                    return types.isEmpty() || types.contains("Ingress");
                })
                .toList();
        if (policies.isEmpty()) {
            violations.add(name + ": no network policy isolates its pods, so any pod reaches its management port "
                    + actuatorPort);
            return violations;
        }
        boolean opened = false;
        for (KubeObject policy : policies) {
            for (Object rule : Tree.listAt(policy.body(), "spec", "ingress")) {
                if (!admitsPort(rule, container, actuatorPort)) {
                    continue;
                }
                opened = true;
                List<Object> peers = Tree.listAt(rule, "from");
                if (peers.isEmpty()) {
                    violations.add(name + ": NetworkPolicy " + policy.name() + " opens the management port "
                            + actuatorPort + " to every source");
                }
                for (Object peer : peers) {
                    String namespace = Tree.text(peer, "namespaceSelector", "matchLabels", NAMESPACE_NAME_LABEL);
                    if (namespace == null || namespace.equals(deployment.get().namespace())) {
                        violations.add(name + ": NetworkPolicy " + policy.name() + " opens the management port "
                                + actuatorPort + " to " + peer + ", not to the monitoring namespace alone");
                    }
                }
            }
        }
        if (!opened && !rendered.ofKind("ServiceMonitor").isEmpty()) {
            violations.add(name + ": a ServiceMonitor scrapes it, but no network policy opens its management port "
                    + actuatorPort + " to the monitoring namespace");
        }
        return violations;
    }

    private static boolean admitsPort(Object rule, Map<String, Object> container, int port) {
        List<Object> ports = Tree.listAt(rule, "ports");
        return ports.isEmpty() || ports.stream()
                .map(candidate -> ClusterRules.resolvePort(container, Tree.text(candidate, "port")))
                .anyMatch(candidate -> candidate != null && candidate == port);
    }
}
