package dev.courseline.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules every Courseline service's objects in a rendered overlay must keep. Each check returns what is wrong as
 * readable sentences instead of failing at the first problem, so one run shows every broken rule, and so the tests
 * can prove that a broken manifest is caught.
 */
final class ClusterRules {

    /** Spring Boot's default {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    private static final int SPRING_SHUTDOWN_PHASE_SECONDS = 30;
    /** Metaspace, code cache, thread stacks, direct buffers of Netty, Kafka and the Mongo driver. */
    private static final long MINIMUM_NON_HEAP_MIB = 256;

    private final Rendered rendered;
    private final BuildFacts build;
    private final List<String> violations = new ArrayList<>();

    private ClusterRules(Rendered rendered, BuildFacts build) {
        this.rendered = rendered;
        this.build = build;
    }

    static List<String> forService(Rendered rendered, ServiceContract service, BuildFacts build) {
        ClusterRules rules = new ClusterRules(rendered, build);
        rules.check(service);
        return rules.violations;
    }

    /** The settings a container gets; a value taken from a Secret is null (unknown until deploy time). */
    static Map<String, String> settingsOf(Rendered rendered, Map<String, Object> container, List<String> problems) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Object source : Tree.listAt(container, "envFrom")) {
            String configMap = Tree.text(source, "configMapRef", "name");
            if (configMap != null) {
                Optional<KubeObject> found = rendered.find("ConfigMap", configMap);
                if (found.isEmpty()) {
                    problems.add(
                            "takes its settings from ConfigMap " + configMap + ", which the overlay does not have");
                } else {
                    Tree.mapAt(found.get().body(), "data")
                            .forEach((key, value) -> settings.put(key, String.valueOf(value)));
                }
            }
            if (Tree.at(source, "secretRef") != null) {
                problems.add("takes every key of Secret " + Tree.text(source, "secretRef", "name")
                        + " as a variable; name each variable with env/secretKeyRef so it can be checked");
            }
        }
        for (Object variable : Tree.listAt(container, "env")) {
            String name = Tree.text(variable, "name");
            String configMapKey = Tree.text(variable, "valueFrom", "configMapKeyRef", "key");
            if (configMapKey != null) {
                String configMap = Tree.text(variable, "valueFrom", "configMapKeyRef", "name");
                settings.put(name, rendered.find("ConfigMap", configMap)
                        .map(found -> Tree.text(found.body(), "data", configMapKey)).orElse(null));
            } else {
                settings.put(name, Tree.text(variable, "value"));
            }
        }
        return settings;
    }

    private void check(ServiceContract service) {
        String name = service.name();
        Optional<KubeObject> deployment = rendered.find("Deployment", name);
        if (deployment.isEmpty()) {
            violations.add("has no Deployment " + name);
            return;
        }
        Map<String, Object> pod = deployment.get().podSpec();
        Optional<Map<String, Object>> found = deployment.get().containers().stream()
                .filter(container -> name.equals(Tree.text(container, "name"))).findFirst();
        if (found.isEmpty()) {
            violations.add("Deployment " + name + " has no container named " + name);
            return;
        }
        Map<String, Object> container = found.get();
        checkIdentity(name, pod);
        checkImage(name, container);
        Integer containerPort = checkPort(service, container);
        checkSettings(service, container, containerPort);
        checkProbes(service, container);
        checkSecurity(name, pod, container);
        checkResources(name, container);
        checkShutdown(name, pod, container);
        checkService(name, deployment.get(), container, containerPort);
    }

    private void checkIdentity(String name, Map<String, Object> pod) {
        String account = Tree.text(pod, "serviceAccountName");
        if (!name.equals(account)) {
            violations.add(name + " runs as service account " + account + ", not its own (" + name + ")");
        } else if (rendered.find("ServiceAccount", name).isEmpty()) {
            violations.add(name + " uses ServiceAccount " + name + ", which the overlay does not have");
        }
        if (!Boolean.FALSE.equals(Tree.at(pod, "automountServiceAccountToken"))) {
            violations.add(name + " mounts a Kubernetes API token it never uses (automountServiceAccountToken)");
        }
        if (!Boolean.FALSE.equals(Tree.at(pod, "enableServiceLinks"))) {
            violations.add(name + " gets Docker-link variables such as KAFKA_PORT injected (enableServiceLinks)");
        }
    }

    private void checkImage(String name, Map<String, Object> container) {
        String image = String.valueOf(Tree.text(container, "image"));
        int tagAt = image.lastIndexOf(':');
        boolean hasTag = tagAt > image.lastIndexOf('/');
        String repository = hasTag ? image.substring(0, tagAt) : image;
        String expected = build.imageRepositoryOf(name);
        if (!repository.equals(expected) && !repository.endsWith("/" + expected)) {
            violations.add(name + " runs image " + image + ", but the build makes " + expected);
        }
        if (!hasTag || !image.substring(tagAt + 1).equals(build.imageTag())) {
            violations.add(name + " runs image " + image + ", but the build tags it " + build.imageTag());
        }
    }

    private Integer checkPort(ServiceContract service, Map<String, Object> container) {
        Integer containerPort = portNamed(container, "http");
        if (containerPort == null) {
            violations.add(service.name() + " declares no container port named http");
            return null;
        }
        if (containerPort != service.port()) {
            violations.add(service.name() + " exposes container port " + containerPort + ", but the service listens on "
                    + service.port() + " (" + service.source() + ")");
        }
        Integer imagePort = build.imagePortByService().get(service.name());
        if (imagePort != null && !imagePort.equals(containerPort)) {
            violations.add(service.name() + " exposes container port " + containerPort + ", but its image exposes "
                    + imagePort + " (root pom.xml)");
        }
        return containerPort;
    }

    private void checkSettings(ServiceContract service, Map<String, Object> container, Integer containerPort) {
        String name = service.name();
        List<String> problems = new ArrayList<>();
        Map<String, String> settings = settingsOf(rendered, container, problems);
        problems.forEach(problem -> violations.add(name + " " + problem));
        settings.keySet().stream().filter(variable -> !service.reads(variable))
                .filter(variable -> !JvmFlagRules.VARIABLES.contains(variable)).forEach(variable -> violations
                        .add(name + " sets " + variable + ", which it never reads (" + service.source() + ")"));
        violations.addAll(JvmFlagRules.check(name, settings, Tree.at(container, "command"), build));
        service.requiredInContainers().stream().filter(variable -> !settings.containsKey(variable))
                .forEach(variable -> violations
                        .add(name + " does not set " + variable + ", whose default (localhost) is wrong in a pod"));
        String serverPort = settings.get("SERVER_PORT");
        if (serverPort != null && containerPort != null && !serverPort.equals(String.valueOf(containerPort))) {
            violations.add(name + " sets SERVER_PORT=" + serverPort + " but exposes container port " + containerPort);
        }
        String database = ServiceContract.databaseIn(settings.get("MONGODB_URI"));
        if (database != null && service.database() != null && !database.equals(service.database())) {
            violations.add(name + " uses database " + database + ", not its own " + service.database());
        }
    }

    private void checkProbes(ServiceContract service, Map<String, Object> container) {
        Actuator actuator = service.actuator();
        String name = service.name();
        Map<String, String> settings = settingsOf(rendered, container, new ArrayList<>());
        int port = actuator.portIn(settings);
        if (settings.containsKey(Actuator.MANAGEMENT_PORT_VARIABLE)) {
            Integer management = portNamed(container, "management");
            if (management == null || management != port) {
                violations.add(name + " moves its actuator to port " + settings.get(Actuator.MANAGEMENT_PORT_VARIABLE)
                        + " (" + Actuator.MANAGEMENT_PORT_VARIABLE + "), but its container port named management is "
                        + management);
            }
        }
        checkProbe(name, container, "livenessProbe", List.of(actuator.liveness()), port, true);
        checkProbe(name, container, "readinessProbe", List.of(actuator.readiness()), port, true);
        checkProbe(name, container, "startupProbe", List.of(actuator.liveness(), actuator.readiness()), port, false);
    }

    private void checkProbe(String name, Map<String, Object> container, String probe, List<String> paths,
            int actuatorPort, boolean required) {
        Object definition = Tree.at(container, probe);
        if (definition == null) {
            if (required) {
                violations.add(name + " has no " + probe);
            }
            return;
        }
        String path = Tree.text(definition, "httpGet", "path");
        if (!paths.contains(path)) {
            violations.add(name + " " + probe + " asks " + path + ", not " + String.join(" or ", paths));
        }
        Integer port = resolvePort(container, Tree.text(definition, "httpGet", "port"));
        if (port == null || port != actuatorPort) {
            violations.add(name + " " + probe + " asks port " + Tree.text(definition, "httpGet", "port")
                    + ", not the actuator's port " + actuatorPort);
        }
    }

    private void checkSecurity(String name, Map<String, Object> pod, Map<String, Object> container) {
        Object podContext = Tree.at(pod, "securityContext");
        Object containerContext = Tree.at(container, "securityContext");
        if (!Boolean.TRUE
                .equals(firstNonNull(Tree.at(containerContext, "runAsNonRoot"), Tree.at(podContext, "runAsNonRoot")))) {
            violations.add(name + " may run as root (runAsNonRoot is not true)");
        }
        String user = Objects
                .toString(firstNonNull(Tree.at(containerContext, "runAsUser"), Tree.at(podContext, "runAsUser")), null);
        if (user == null || "0".equals(user) || !user.equals(String.valueOf(build.userId()))) {
            violations.add(name + " runs as user " + user + ", not the image's non-root user " + build.userId());
        }
        if (!Boolean.FALSE.equals(Tree.at(containerContext, "allowPrivilegeEscalation"))) {
            violations.add(name + " allows privilege escalation");
        }
        if (Boolean.TRUE.equals(Tree.at(containerContext, "privileged"))) {
            violations.add(name + " runs privileged");
        }
        if (!Boolean.TRUE.equals(Tree.at(containerContext, "readOnlyRootFilesystem"))) {
            violations.add(name + " has a writable root filesystem");
        }
        if (!Tree.listAt(containerContext, "capabilities", "drop").contains("ALL")) {
            violations.add(name + " keeps Linux capabilities (capabilities.drop lacks ALL)");
        }
        if (!Tree.listAt(containerContext, "capabilities", "add").isEmpty()) {
            violations.add(name + " adds Linux capabilities " + Tree.listAt(containerContext, "capabilities", "add"));
        }
        Object seccomp = firstNonNull(Tree.text(containerContext, "seccompProfile", "type"),
                Tree.text(podContext, "seccompProfile", "type"));
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            violations.add(name + " has no seccomp profile (RuntimeDefault)");
        }
        boolean writableTmp = Tree.listAt(container, "volumeMounts").stream()
                .filter(mount -> "/tmp".equals(Tree.text(mount, "mountPath")))
                .map(mount -> Tree.text(mount, "name"))
                .anyMatch(volume -> Tree.listAt(pod, "volumes").stream()
                        .anyMatch(candidate -> volume.equals(Tree.text(candidate, "name"))
                                && Tree.at(candidate, "emptyDir") != null));
        if (!writableTmp) {
            violations.add(name + " has no emptyDir at /tmp, which the JVM needs with a read-only root filesystem");
        }
    }

    private void checkResources(String name, Map<String, Object> container) {
        Object resources = Tree.at(container, "resources");
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (Tree.text(resources, kind, resource) == null) {
                    violations.add(name + " sets no " + resource + " " + kind);
                }
            }
        }
        String limit = Tree.text(resources, "limits", "memory");
        String request = Tree.text(resources, "requests", "memory");
        if (limit == null) {
            return;
        }
        long limitMib = Quantity.mebibytes(limit);
        long heapMib = build.maxHeapMib(limitMib);
        if (limitMib - heapMib < MINIMUM_NON_HEAP_MIB) {
            violations.add(name + " memory limit " + limit + " leaves " + (limitMib - heapMib) + " MiB beside a "
                    + heapMib + " MiB heap (" + BuildFacts.JVM_FLAGS_PROPERTY + "); the JVM needs "
                    + MINIMUM_NON_HEAP_MIB + " MiB or more outside the heap");
        }
        if (request != null && Quantity.mebibytes(request) > limitMib) {
            violations.add(name + " requests more memory (" + request + ") than its limit (" + limit + ")");
        }
    }

    private void checkShutdown(String name, Map<String, Object> pod, Map<String, Object> container) {
        Object preStop = Tree.at(container, "lifecycle", "preStop");
        int delay = 0;
        if (Tree.at(preStop, "sleep", "seconds") != null) {
            delay = Integer.parseInt(Tree.text(preStop, "sleep", "seconds"));
        } else {
            List<Object> command = Tree.listAt(preStop, "exec", "command");
            if (command.size() == 2 && "sleep".equals(command.get(0))) {
                delay = Integer.parseInt(String.valueOf(command.get(1)));
            }
        }
        if (delay <= 0) {
            violations.add(name + " has no preStop pause, so it is sent SIGTERM while endpoints still route to it");
        }
        String grace = Tree.text(pod, "terminationGracePeriodSeconds");
        int graceSeconds = grace == null ? 30 : Integer.parseInt(grace);
        if (graceSeconds < delay + SPRING_SHUTDOWN_PHASE_SECONDS) {
            violations
                    .add(name + " is killed after " + graceSeconds + " s, before its " + delay + " s preStop pause and "
                            + SPRING_SHUTDOWN_PHASE_SECONDS + " s graceful shutdown are over");
        }
    }

    private void checkService(String name, KubeObject deployment, Map<String, Object> container,
            Integer containerPort) {
        Optional<KubeObject> service = rendered.find("Service", name);
        if (service.isEmpty()) {
            violations.add("has no Service " + name);
            return;
        }
        if (!Selectors.matchesPlain(Tree.mapAt(service.get().body(), "spec", "selector"), deployment.podLabels())) {
            violations.add("Service " + name + " does not select the pods of Deployment " + name);
        }
        boolean reachesContainer = Tree.listAt(service.get().body(), "spec", "ports").stream()
                .map(port -> resolvePort(container,
                        Objects.toString(Tree.text(port, "targetPort"), Tree.text(port, "port"))))
                .anyMatch(port -> port != null && port.equals(containerPort));
        if (!reachesContainer) {
            violations.add(
                    "Service " + name + " sends traffic to no port the container listens on (" + containerPort + ")");
        }
    }

    static Integer portNamed(Map<String, Object> container, String name) {
        return Tree.listAt(container, "ports").stream()
                .filter(port -> name.equals(Tree.text(port, "name")))
                .map(port -> Integer.valueOf(Tree.text(port, "containerPort")))
                .findFirst().orElse(null);
    }

    /** A port given by number or by the name of one of the container's ports. */
    static Integer resolvePort(Map<String, Object> container, String port) {
        if (port == null) {
            return null;
        }
        return port.matches("\\d+") ? Integer.valueOf(port) : portNamed(container, port);
    }

    private static Object firstNonNull(Object first, Object second) {
        return first != null ? first : second;
    }
}
