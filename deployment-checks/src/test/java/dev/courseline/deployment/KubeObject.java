package dev.courseline.deployment;

import java.util.List;
import java.util.Map;

/** One rendered Kubernetes object. */
record KubeObject(Map<String, Object> body) {

    String kind() {
        return Tree.text(body, "kind");
    }

    String name() {
        return Tree.text(body, "metadata", "name");
    }

    String namespace() {
        return Tree.text(body, "metadata", "namespace");
    }

    Object at(String... path) {
        return Tree.at(body, path);
    }

    /** The pod template of a workload, or the pod itself. */
    Map<String, Object> podSpec() {
        return "Pod".equals(kind()) ? Tree.mapAt(body, "spec") : Tree.mapAt(body, "spec", "template", "spec");
    }

    Map<String, Object> podLabels() {
        return Tree.mapAt(body, "spec", "template", "metadata", "labels");
    }

    List<Map<String, Object>> containers() {
        return Tree.listAt(podSpec(), "containers").stream().map(Tree::map).toList();
    }

    boolean isWorkload() {
        return List.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(kind());
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
