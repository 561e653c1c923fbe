package dev.courseline.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether what a service connects to is there and may be reached: every in-namespace host a service's settings name
 * is a Service of the overlay with that port and pods behind it, and no NetworkPolicy of the overlay blocks the way.
 * Also that the network policies leave each service's own HTTP port open to its callers.
 */
final class NetworkRules {

    private NetworkRules() {
    }

    static List<String> forService(Rendered rendered, ServiceContract contract) {
        List<String> violations = new ArrayList<>();
        Optional<KubeObject> deployment = rendered.find("Deployment", contract.name());
        if (deployment.isEmpty()) {
            return violations; // reported by ClusterRules
        }
        Map<String, Object> container = deployment.get().containers().get(0);
        Integer httpPort = ClusterRules.portNamed(container, "http");
        if (httpPort != null && !ingressAllowed(rendered, deployment.get(), container, httpPort, null)) {
            violations.add(contract.name() + ": the network policies block its HTTP port " + httpPort);
        }
        Map<String, String> settings = ClusterRules.settingsOf(rendered, container, new ArrayList<>());
        for (Endpoint endpoint : Endpoint.in(settings, contract)) {
            if (endpoint.isLocalName()) {
                checkEndpoint(rendered, contract, deployment.get(), endpoint, violations);
            }
        }
        return violations;
    }

    private static void checkEndpoint(Rendered rendered, ServiceContract contract, KubeObject source,
            Endpoint endpoint, List<String> violations) {
        checkReachable(rendered, contract.name() + " " + endpoint, endpoint.host(), String.valueOf(endpoint.port()),
                source, contract.name(), violations);
    }

    /**
     * Whether a Service's port (by number or name) leads to pods listening on it that the network policies let the
     * caller in to: {@code source} is the calling workload, or null for a caller outside the namespace (the ingress
     * controller), which only a rule open to every source admits.
     */
    static void checkReachable(Rendered rendered, String who, String serviceName, String port, KubeObject source,
            String caller, List<String> violations) {
        Optional<KubeObject> service = rendered.find("Service", serviceName);
        if (service.isEmpty()) {
            violations.add(who + ": the overlay has no Service " + serviceName);
            return;
        }
        Optional<Object> servicePort = Tree.listAt(service.get().body(), "spec", "ports").stream()
                .filter(candidate -> port.equals(Tree.text(candidate, "port"))
                        || port.equals(Tree.text(candidate, "name")))
                .findFirst();
        if (servicePort.isEmpty()) {
            violations.add(who + ": Service " + serviceName + " has no port " + port);
            return;
        }
        List<KubeObject> targets = rendered.workloads().stream()
                .filter(workload -> Selectors.matchesPlain(Tree.mapAt(service.get().body(), "spec", "selector"),
                        workload.podLabels()))
                .toList();
        if (targets.isEmpty()) {
            violations.add(who + ": Service " + serviceName + " selects no pods");
            return;
        }
        String targetPort = Objects.toString(Tree.text(servicePort.get(), "targetPort"),
                Tree.text(servicePort.get(), "port"));
        for (KubeObject target : targets) {
            Map<String, Object> container = target.containers().stream()
                    .filter(candidate -> portNumber(candidate, targetPort) != null)
                    .findFirst().orElse(null);
            if (container == null) {
                violations.add(who + ": " + target + " has no container port " + targetPort);
            } else if (!ingressAllowed(rendered, target, container, portNumber(container, targetPort), source)) {
                violations.add(who + ": the network policies of " + target + " do not let " + caller + " in");
            }
        }
    }

    /** The container port a Service's targetPort names, if the container declares it. */
    private static Integer portNumber(Map<String, Object> container, String port) {
        if (!port.matches("\\d+")) {
            return ClusterRules.portNamed(container, port);
        }
        boolean declared = Tree.listAt(container, "ports").stream()
                .anyMatch(candidate -> port.equals(Tree.text(candidate, "containerPort")));
        return declared ? Integer.valueOf(port) : null;
    }

    /**
     * Whether traffic to a pod's port is allowed. A pod no policy selects for ingress is open; otherwise one rule of
     * one selecting policy must admit the port and the source: a pod of the same namespace, or (source null) any
     * caller, which only a rule without {@code from} admits.
     */
    private static boolean ingressAllowed(Rendered rendered, KubeObject target, Map<String, Object> container,
            int port, KubeObject source) {
        List<KubeObject> policies = rendered.ofKind("NetworkPolicy").stream()
                .filter(policy -> Selectors.matches(Tree.mapAt(policy.body(), "spec", "podSelector"),
                        target.podLabels()))
                .filter(NetworkRules::governsIngress)
                .toList();
        if (policies.isEmpty()) {
            return true;
        }
        return policies.stream()
                .flatMap(policy -> Tree.listAt(policy.body(), "spec", "ingress").stream())
                .anyMatch(rule -> admitsPort(rule, container, port) && admitsSource(rule, source));
    }

    private static boolean governsIngress(KubeObject policy) {
        List<Object> types = Tree.listAt(policy.body(), "spec", "policyTypes");
        return types.isEmpty() || types.contains("Ingress");
    }

    private static boolean admitsPort(Object rule, Map<String, Object> container, int port) {
        List<Object> ports = Tree.listAt(rule, "ports");
        return ports.isEmpty() || ports.stream()
                .map(candidate -> ClusterRules.resolvePort(container, Tree.text(candidate, "port")))
                .anyMatch(candidate -> candidate != null && candidate == port);
    }

    private static boolean admitsSource(Object rule, KubeObject source) {
        List<Object> peers = Tree.listAt(rule, "from");
        if (peers.isEmpty()) {
            return true;
        }
        if (source == null) {
            return false;
        }
        return peers.stream().anyMatch(peer -> Tree.at(peer, "namespaceSelector") == null
                && Tree.at(peer, "podSelector") != null
                && Selectors.matches(Tree.mapAt(peer, "podSelector"), source.podLabels()));
    }
}
