package dev.courseline.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The holes found in the security review (issue 20), kept closed: the link secret from a Secret, no seeding, every
 * routing team's address, replicated topics in production, and an intake whose readiness does not follow Kafka.
 */
final class SecurityRules {

    static final String ENQUIRY = "enquiry-service";
    static final String CATALOGUE = "catalogue-service";
    static final String NOTIFICATION = "notification-service";
    static final String LINK_SECRET = "ENQUIRY_LINK_SECRET";

    private SecurityRules() {
    }

    /** Any overlay: the cancellation links are signed with a secret from a Secret, never a ConfigMap or a literal. */
    static List<String> linkSecretFromSecret(Rendered rendered) {
        List<String> violations = new ArrayList<>();
        Optional<Map<String, Object>> container = container(rendered, ENQUIRY);
        if (container.isEmpty()) {
            return List.of("has no Deployment " + ENQUIRY);
        }
        boolean fromSecret = Tree.listAt(container.get(), "env").stream().anyMatch(
                env -> LINK_SECRET.equals(Tree.text(env, "name")) && Tree.at(env, "valueFrom", "secretKeyRef") != null);
        if (!fromSecret) {
            violations.add(ENQUIRY + " does not take " + LINK_SECRET + " from a Secret, so it signs cancel links with "
                    + "the development default or a value kept in the repository");
        }
        rendered.ofKind("ConfigMap").stream()
                .filter(configMap -> Tree.mapAt(configMap.body(), "data").containsKey(LINK_SECRET))
                .forEach(configMap -> violations
                        .add(LINK_SECRET + " is in " + configMap + "; it comes from a Secret only"));
        return violations;
    }

    /** Production: no demonstration runs, every team the enquiry service routes to has its own addresses. */
    static List<String> production(Rendered rendered) {
        List<String> violations = new ArrayList<>();
        Map<String, String> catalogue = settings(rendered, CATALOGUE, violations);
        if (!"false".equals(catalogue.get("CATALOGUE_SEED_ENABLED"))) {
            violations.add(CATALOGUE + " seeds demonstration runs (CATALOGUE_SEED_ENABLED is "
                    + catalogue.get("CATALOGUE_SEED_ENABLED") + ", not \"false\")");
        }
        Map<String, String> notification = settings(rendered, NOTIFICATION, violations);
        ServiceContract notificationContract = ServiceContract.of(NOTIFICATION);
        for (String team : routingTeams()) {
            for (String variable : List.of(salesVariable(team, "ADDRESS"), salesVariable(team, "LEAD_ADDRESS"))) {
                if (!notificationContract.reads(variable)) {
                    violations.add(NOTIFICATION + " reads no " + variable + " for the routing team " + team);
                } else if (notification.get(variable) == null || notification.get(variable).isBlank()) {
                    violations.add("routing team " + team + " has no production address " + variable
                            + ", so its leads go to the development default");
                }
            }
        }
        Map<String, String> enquiry = settings(rendered, ENQUIRY, violations);
        checkReplication(ENQUIRY, enquiry, "ENQUIRY_TOPIC_", "enquiries", violations);
        checkReplication(CATALOGUE, catalogue, "CATALOGUE_TOPIC_", "catalogue.offerings", violations);
        return violations;
    }

    /**
     * Any overlay: the enquiry service's readiness probe asks the readiness group, and that group leaves Kafka out,
     * so a broker outage (which the outbox rides out) never takes every intake pod out of the Service.
     */
    static List<String> readinessWithoutKafka(Rendered rendered) {
        List<String> violations = new ArrayList<>();
        ServiceContract enquiry = ServiceContract.of(ENQUIRY);
        List<String> included = readinessIncludes(enquiry);
        if (included.isEmpty() || included.contains("kafka") || included.contains("*")) {
            violations.add(enquiry.source() + " readiness group includes " + included + "; it must name its members "
                    + "and leave kafka out");
        }
        container(rendered, ENQUIRY).ifPresent(container -> {
            String path = Tree.text(container, "readinessProbe", "httpGet", "path");
            if (!enquiry.actuator().readiness().equals(path)) {
                violations.add(ENQUIRY + " readinessProbe asks " + path + ", not the readiness group "
                        + enquiry.actuator().readiness());
            }
        });
        return violations;
    }

    /** The teams leads can be routed to: the default team and every rule's team, from the enquiry service's settings. */
    static Set<String> routingTeams() {
        Map<String, Object> leads = Tree.mapAt(applicationYml(ENQUIRY), "enquiry", "leads");
        Set<String> teams = new LinkedHashSet<>();
        teams.add(resolveDefault(Tree.text(leads, "default-team")));
        Tree.listAt(leads, "rules").forEach(rule -> teams.add(resolveDefault(Tree.text(rule, "team"))));
        teams.remove(null);
        return teams;
    }

    static List<String> readinessIncludes(ServiceContract service) {
        Object include = Tree.at(applicationYml(service.name()), "management", "endpoint", "health", "group",
                "readiness", "include");
        if (include instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).toList();
        }
        return include == null
                ? List.of()
                : List.of(String.valueOf(include).split(",")).stream().map(String::trim).toList();
    }

    private static void checkReplication(String service, Map<String, String> settings, String prefix, String topic,
            List<String> violations) {
        int replicas = number(settings.get(prefix + "REPLICAS"));
        int minInsync = number(settings.get(prefix + "MIN_INSYNC_REPLICAS"));
        if (replicas < 3 || minInsync != 2) {
            violations.add(service + " creates " + topic + " with " + replicas + " replica(s) and min.insync.replicas "
                    + minInsync + " (" + prefix + "REPLICAS, " + prefix
                    + "MIN_INSYNC_REPLICAS); production needs 3 and 2");
        }
    }

    private static int number(String value) {
        return value == null || !value.matches("\\d+") ? 1 : Integer.parseInt(value);
    }

    private static String salesVariable(String team, String suffix) {
        return "SALES_" + team.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + suffix;
    }

    private static String resolveDefault(String value) {
        if (value != null && value.startsWith("${") && value.contains(":")) {
            return value.substring(value.indexOf(':') + 1, value.length() - 1);
        }
        return value;
    }

    private static Optional<Map<String, Object>> container(Rendered rendered, String service) {
        return rendered.find("Deployment", service).flatMap(deployment -> deployment.containers().stream()
                .filter(container -> service.equals(Tree.text(container, "name"))).findFirst());
    }

    private static Map<String, String> settings(Rendered rendered, String service, List<String> violations) {
        Optional<Map<String, Object>> container = container(rendered, service);
        if (container.isEmpty()) {
            violations.add("has no Deployment " + service);
            return Map.of();
        }
        return ClusterRules.settingsOf(rendered, container.get(), new ArrayList<>());
    }

    private static Map<String, Object> applicationYml(String service) {
        String text = Repository.read(Repository.path(service + "/src/main/resources/application.yml"));
        return Tree.map(new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).iterator().next());
    }
}
