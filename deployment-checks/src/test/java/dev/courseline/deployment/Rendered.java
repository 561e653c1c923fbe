package dev.courseline.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one overlay renders to. */
record Rendered(String overlay, List<KubeObject> objects) {

    List<KubeObject> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.kind())).toList();
    }

    Optional<KubeObject> find(String kind, String name) {
        return objects.stream().filter(object -> kind.equals(object.kind()) && name.equals(object.name())).findFirst();
    }

    List<KubeObject> workloads() {
        return objects.stream().filter(KubeObject::isWorkload).toList();
    }

    /** The workloads whose pods a label selector ({@code matchLabels} and {@code matchExpressions}) picks. */
    List<KubeObject> workloadsSelectedBy(Map<String, Object> selector) {
        return workloads().stream().filter(workload -> Selectors.matches(selector, workload.podLabels())).toList();
    }
}
