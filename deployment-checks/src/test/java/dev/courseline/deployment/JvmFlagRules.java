package dev.courseline.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services' JVM flags have one place, the root pom's {@code courseline.jvm.flags}, which the images carry in
 * {@code JDK_JAVA_OPTIONS}: a deployment that sets other flags, or replaces the image's entrypoint, has drifted.
 */
final class JvmFlagRules {

    /** The variables through which a container's environment can give a JVM flags. */
    static final List<String> VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS",
            "JAVA_OPTS");

    private JvmFlagRules() {
    }

    /**
     * @param settings   the container's environment
     * @param entrypoint the command that replaces the image's entrypoint (k8s {@code command}, compose
     *                   {@code entrypoint}), null or empty when the image's own runs
     */
    static List<String> check(String name, Map<String, String> settings, Object entrypoint, BuildFacts build) {
        List<String> violations = new ArrayList<>();
        for (String variable : VARIABLES) {
            if (!settings.containsKey(variable)) {
                continue;
            }
            String value = settings.get(variable);
            boolean same = "JDK_JAVA_OPTIONS".equals(variable) && value != null
                    && value.trim().replaceAll("\\s+", " ").equals(build.jvmFlagsLine());
            if (!same) {
                violations.add(name + " sets " + variable + "=" + value + ": the image already runs with the services'"
                        + " JVM flags (" + BuildFacts.JVM_FLAGS_PROPERTY + " in the root pom); change them there");
            }
        }
        boolean replaced = entrypoint instanceof List<?> list
                ? !list.isEmpty()
                : entrypoint != null && !String.valueOf(entrypoint).isBlank();
        if (replaced) {
            violations.add(name + " replaces the image's entrypoint with " + entrypoint + ", bypassing the services'"
                    + " JVM flags (" + BuildFacts.JVM_FLAGS_PROPERTY + ")");
        }
        return violations;
    }
}
