package dev.courseline.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Rules about an overlay as a whole: well-formed objects, hardened workloads, and what production must add. */
final class OverlayRules {

    static final String NAMESPACE = "courseline";
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition", "PriorityClass");

    private OverlayRules() {
    }

    /** Every object is complete, lives in the Courseline namespace and is unique. */
    static List<String> wellFormed(Rendered rendered) {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (rendered.objects().isEmpty()) {
            violations.add("renders no objects");
        }
        for (KubeObject object : rendered.objects()) {
            if (Tree.text(object.body(), "apiVersion") == null || object.kind() == null || object.name() == null) {
                violations.add("has an object without apiVersion, kind or name: " + object.body());
                continue;
            }
            if (!seen.add(object.kind() + "/" + object.name())) {
                violations.add("renders " + object + " twice");
            }
            if (!CLUSTER_SCOPED.contains(object.kind()) && !NAMESPACE.equals(object.namespace())) {
                violations.add(object + " is in namespace " + object.namespace() + ", not " + NAMESPACE);
            }
        }
        if (rendered.find("Namespace", NAMESPACE).isEmpty()) {
            violations.add("does not create the namespace " + NAMESPACE);
        }
        return violations;
    }

    /** Every container of every workload, infrastructure included: bounded, probed, without privileges or links. */
    static List<String> workloadsHardened(Rendered rendered) {
        List<String> violations = new ArrayList<>();
        for (KubeObject workload : rendered.workloads()) {
            Object podContext = Tree.at(workload.podSpec(), "securityContext");
            // The Service kafka would inject KAFKA_PORT and friends, which the Kafka image reads as (deprecated) settings
            // and refuses to start with; no workload here needs the links.
            if (!Boolean.FALSE.equals(Tree.at(workload.podSpec(), "enableServiceLinks"))) {
                violations
                        .add(workload + " gets Docker-link variables such as KAFKA_PORT injected (enableServiceLinks)");
            }
            for (Map<String, Object> container : workload.containers()) {
                String who = workload + " container " + Tree.text(container, "name");
                Object context = Tree.at(container, "securityContext");
                Object nonRoot = Tree.at(context, "runAsNonRoot") != null
                        ? Tree.at(context, "runAsNonRoot")
                        : Tree.at(podContext, "runAsNonRoot");
                if (!Boolean.TRUE.equals(nonRoot)) {
                    violations.add(who + " may run as root");
                }
                if (!Boolean.FALSE.equals(Tree.at(context, "allowPrivilegeEscalation"))) {
                    violations.add(who + " allows privilege escalation");
                }
                if (!Tree.listAt(context, "capabilities", "drop").contains("ALL")) {
                    violations.add(who + " keeps its Linux capabilities");
                }
                if (Tree.text(container, "resources", "limits", "memory") == null
                        || Tree.text(container, "resources", "requests", "memory") == null
                        || Tree.text(container, "resources", "requests", "cpu") == null) {
                    violations.add(who + " lacks memory requests and limits or a CPU request");
                }
                if (Tree.at(container, "readinessProbe") == null || Tree.at(container, "livenessProbe") == null) {
                    violations.add(who + " lacks a readiness or liveness probe");
                }
                String image = String.valueOf(Tree.text(container, "image"));
                if (!image.contains(":") || image.endsWith(":latest")) {
                    violations.add(who + " runs image " + image + " without a pinned tag");
                }
            }
        }
        return violations;
    }

    /**
     * Production: several replicas of every service and the website kept through drains (PodDisruptionBudget) and
     * grown under load (autoscaler); infrastructure addresses and credentials, for what a service uses, from Secrets
     * the operator creates, none rendered from the repository.
     */
    static List<String> production(Rendered rendered, List<ServiceContract> services) {
        List<String> violations = new ArrayList<>();
        for (ServiceContract service : services) {
            Optional<KubeObject> deployment = rendered.find("Deployment", service.name());
            if (deployment.isEmpty()) {
                violations.add("has no Deployment " + service.name());
                continue;
            }
            // Without a fixed count the autoscaler owns it, and its minimum is what runs.
            Object fixed = deployment.get().at("spec", "replicas");
            int autoscalerMinimum = checkAutoscaler(rendered, deployment.get(), violations);
            int replicas = fixed != null ? Integer.parseInt(String.valueOf(fixed)) : autoscalerMinimum;
            if (replicas < 2) {
                violations.add(service.name() + " runs " + replicas + " replica(s); production needs 2 or more");
            }
            checkDisruptionBudget(rendered, deployment.get(), replicas, violations);
            checkSecretsFor(rendered, service, deployment.get(), violations);
        }
        rendered.ofKind("Secret").forEach(secret -> violations
                .add("renders " + secret + ": production credentials are never kept in the repository"));
        rendered.ofKind("StatefulSet").forEach(statefulSet -> violations
                .add("runs " + statefulSet + " in the cluster; production Kafka and MongoDB are external"));
        if (rendered.ofKind("NetworkPolicy").isEmpty()) {
            violations.add("has no NetworkPolicy");
        }
        return violations;
    }

    private static void checkDisruptionBudget(Rendered rendered, KubeObject deployment, int replicas,
            List<String> violations) {
        List<KubeObject> budgets = rendered.ofKind("PodDisruptionBudget").stream()
                .filter(budget -> Selectors.matches(Tree.mapAt(budget.body(), "spec", "selector"),
                        deployment.podLabels()))
                .toList();
        if (budgets.size() != 1) {
            violations.add(deployment.name() + " is covered by " + budgets.size() + " PodDisruptionBudgets, not one");
            return;
        }
        String minAvailable = Tree.text(budgets.get(0).body(), "spec", "minAvailable");
        String maxUnavailable = Tree.text(budgets.get(0).body(), "spec", "maxUnavailable");
        boolean protects = minAvailable != null ? !"0".equals(minAvailable) : maxUnavailable != null;
        boolean drainable = minAvailable == null || !minAvailable.matches("\\d+")
                || Integer.parseInt(minAvailable) < replicas;
        if (!protects || !drainable) {
            violations
                    .add(deployment.name() + " PodDisruptionBudget (minAvailable " + minAvailable + ", maxUnavailable "
                            + maxUnavailable + ") must keep a pod up and still let a node drain with " + replicas
                            + " replicas");
        }
    }

    /** Checks the one autoscaler of a Deployment and answers its minimum (1 without an autoscaler). */
    private static int checkAutoscaler(Rendered rendered, KubeObject deployment, List<String> violations) {
        List<KubeObject> autoscalers = rendered.ofKind("HorizontalPodAutoscaler").stream()
                .filter(hpa -> "Deployment".equals(Tree.text(hpa.body(), "spec", "scaleTargetRef", "kind"))
                        && deployment.name().equals(Tree.text(hpa.body(), "spec", "scaleTargetRef", "name")))
                .toList();
        if (autoscalers.size() != 1) {
            violations.add(
                    deployment.name() + " is scaled by " + autoscalers.size() + " HorizontalPodAutoscalers, not one");
            return 1;
        }
        Map<String, Object> spec = Tree.mapAt(autoscalers.get(0).body(), "spec");
        int min = Integer.parseInt(String.valueOf(spec.getOrDefault("minReplicas", 1)));
        int max = Integer.parseInt(String.valueOf(spec.get("maxReplicas")));
        if (min < 2 || max <= min) {
            violations.add(deployment.name() + " autoscaler scales between " + min + " and " + max
                    + "; it must keep 2 or more and be able to grow");
        }
        boolean cpuMetric = Tree.listAt(spec, "metrics").stream()
                .anyMatch(metric -> "cpu".equals(Tree.text(metric, "resource", "name")));
        boolean cpuRequested = deployment.containers().stream()
                .allMatch(container -> Tree.text(container, "resources", "requests", "cpu") != null);
        if (!cpuMetric || !cpuRequested) {
            violations.add(deployment.name() + " autoscaler needs a CPU metric and CPU requests to measure it against");
        }
        return min;
    }

    private static void checkSecretsFor(Rendered rendered, ServiceContract service, KubeObject deployment,
            List<String> violations) {
        // Only what the service reads (the website uses neither Kafka nor MongoDB), and every secret or password it reads.
        Stream<String> credentials = service.variables().keySet().stream()
                .filter(variable -> variable.endsWith("_SECRET") || variable.endsWith("_PASSWORD"));
        List<String> fromSecrets = Stream
                .concat(Stream.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SMTP_USERNAME"), credentials)
                .distinct().filter(service::reads).toList();
        Map<String, Object> container = deployment.containers().get(0);
        for (String variable : fromSecrets) {
            boolean fromSecret = Tree.listAt(container, "env").stream()
                    .anyMatch(env -> variable.equals(Tree.text(env, "name"))
                            && Tree.at(env, "valueFrom", "secretKeyRef") != null);
            if (!fromSecret) {
                violations.add(service.name() + " does not take " + variable + " from a Secret");
            }
            List<String> configMaps = rendered.ofKind("ConfigMap").stream()
                    .filter(configMap -> Tree.mapAt(configMap.body(), "data").containsKey(variable))
                    .map(KubeObject::name).toList();
            if (!configMaps.isEmpty()) {
                violations.add(variable + " is still in ConfigMap(s) " + configMaps + "; it comes from a Secret only");
            }
        }
    }
}
