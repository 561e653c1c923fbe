package dev.courseline.deployment;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The rules docker-compose.yml must keep, checked on the parsed file (no Docker engine is needed). */
final class ComposeRules {

    /** The services check tokens from the issuer, the website signs staff in there. */
    static final List<String> ISSUERS = List.of("JWT_ISSUER_URI", "OIDC_ISSUER_URI");

    private final Map<String, Object> services;
    private final BuildFacts build;
    private final List<String> violations = new ArrayList<>();

    private ComposeRules(Map<String, Object> compose, BuildFacts build) {
        this.services = Tree.mapAt(compose, "services");
        this.build = build;
    }

    static Map<String, Object> parse(String text) {
        return Tree.map(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }

    static List<String> check(Map<String, Object> compose, List<ServiceContract> contracts, BuildFacts build) {
        ComposeRules rules = new ComposeRules(compose, build);
        rules.checkInfrastructure();
        rules.services.forEach(rules::checkEveryService);
        contracts.forEach(rules::checkCourselineService);
        rules.checkHostPorts();
        rules.checkPublicAddress();
        return rules.violations;
    }

    /** Two containers publishing the same host port: the second one would not start. */
    private void checkHostPorts() {
        Map<String, String> owners = new LinkedHashMap<>();
        services.forEach((name, definition) -> {
            for (Object entry : Tree.listAt(Tree.map(definition), "ports")) {
                String hostPort = hostPort(entry);
                if (hostPort == null) {
                    continue;
                }
                String owner = owners.putIfAbsent(hostPort, name);
                if (owner != null) {
                    violations
                            .add(name + " publishes host port " + hostPort + ", which " + owner + " publishes already");
                }
            }
        });
    }

    /**
     * The website's address, which it and the services that link to it or allow it as an origin read, is the same
     * everywhere and is where the website is published on the host.
     */
    private void checkPublicAddress() {
        Map<String, String> addresses = new LinkedHashMap<>();
        services.forEach((name, definition) -> {
            String address = environment(Tree.map(definition)).get(IngressRules.PUBLIC_URL);
            if (address != null) {
                addresses.put(name, address);
            }
        });
        if (new TreeSet<>(addresses.values()).size() > 1) {
            violations.add(
                    "the services disagree on the website's address: " + IngressRules.PUBLIC_URL + " " + addresses);
        }
        String website = addresses.get(IngressRules.WEBSITE);
        if (website == null) {
            violations.add(
                    IngressRules.WEBSITE + " is not told its own public address (" + IngressRules.PUBLIC_URL + ")");
            return;
        }
        URI uri = URI.create(website);
        Set<String> published = new TreeSet<>();
        Tree.listAt(service(IngressRules.WEBSITE), "ports").forEach(entry -> published.add(hostPort(entry)));
        if (!List.of("localhost", "127.0.0.1").contains(uri.getHost())
                || !published.contains(String.valueOf(uri.getPort()))) {
            violations.add(
                    IngressRules.WEBSITE + " is told it is at " + website + ", but it is published on host port(s) "
                            + published);
        }
    }

    private void checkInfrastructure() {
        Map<String, Object> kafka = service("kafka");
        if (!String.valueOf(kafka.get("image")).startsWith("apache/kafka:")) {
            violations.add("kafka runs " + kafka.get("image") + ", not the official apache/kafka image");
        }
        if (!String.valueOf(environment(kafka).get("KAFKA_PROCESS_ROLES")).contains("controller")) {
            violations.add("kafka is not in KRaft mode (KAFKA_PROCESS_ROLES lacks controller)");
        }
        if (services.keySet().stream().anyMatch(name -> name.contains("zookeeper"))) {
            violations.add("runs ZooKeeper; Kafka 4 runs in KRaft mode only");
        }
        Map<String, Object> mongodb = service("mongodb");
        if (!String.valueOf(mongodb.get("image")).startsWith("mongo:")) {
            violations.add("mongodb runs " + mongodb.get("image") + ", not the official mongo image");
        }
        if (replicaSetName() == null) {
            violations.add("mongodb is not started as a replica set (--replSet)");
        }
        if (!String.valueOf(service("mailpit").get("image")).startsWith("axllent/mailpit:")) {
            violations.add("has no Mailpit mail catcher");
        }
        if (!String.valueOf(service("keycloak").get("image")).contains("keycloak/keycloak:")) {
            violations.add("has no Keycloak identity provider");
        }
        for (Object volume : Tree.listAt(service("keycloak"), "volumes")) {
            String source = String.valueOf(volume).split(":")[0];
            if (source.startsWith("./") && !Files.isRegularFile(Repository.path(source.substring(2)))) {
                violations.add("keycloak mounts " + source + ", which is not in the repository");
            }
        }
    }

    private void checkEveryService(String name, Object definition) {
        Map<String, Object> service = Tree.map(definition);
        List<Object> test = Tree.listAt(service, "healthcheck", "test");
        if (test.isEmpty() || "NONE".equals(test.get(0))
                || Boolean.TRUE.equals(Tree.at(service, "healthcheck", "disable"))) {
            violations.add(name + " has no health check");
        }
        if (service.get("mem_limit") == null && Tree.text(service, "deploy", "resources", "limits", "memory") == null) {
            violations.add(name + " has no memory limit");
        }
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof List<?>) {
            violations.add(name
                    + " depends_on without condition: service_healthy, so it starts before its dependencies are ready");
        }
        Tree.map(dependsOn).forEach((dependency, condition) -> {
            if (!services.containsKey(dependency)) {
                violations.add(name + " depends on " + dependency + ", which is not a service");
            } else if (!"service_healthy".equals(Tree.text(condition, "condition"))) {
                violations
                        .add(name + " depends on " + dependency + " with condition " + Tree.text(condition, "condition")
                                + ", not service_healthy");
            }
        });
    }

    private void checkCourselineService(ServiceContract contract) {
        String name = contract.name();
        if (!services.containsKey(name)) {
            violations.add("has no service " + name);
            return;
        }
        Map<String, Object> service = service(name);
        String expectedImage = build.imageRepositoryOf(name);
        String image = String.valueOf(service.get("image"));
        if (!image.equals(expectedImage + ":" + build.imageTag())
                && !image.matches("\\Q" + expectedImage + ":${\\E[A-Z_]+:-\\Q" + build.imageTag() + "}\\E")) {
            violations.add(
                    name + " runs image " + image + ", but the build makes " + expectedImage + ":" + build.imageTag());
        }
        if (!publishedContainerPorts(service).contains(contract.port())) {
            violations.add(name + " publishes " + Tree.listAt(service, "ports") + ", not its port " + contract.port());
        }
        String healthcheck = String.join(" ",
                Tree.listAt(service, "healthcheck", "test").stream().map(String::valueOf).toList());
        Actuator actuator = contract.actuator();
        if (!healthcheck.contains(actuator.readiness()) || !healthcheck.contains("/" + actuator.port() + " ")) {
            violations.add(name + " health check does not ask " + actuator.readiness() + " on port " + actuator.port());
        }
        if (!Boolean.TRUE.equals(service.get("read_only")) || !Tree.listAt(service, "tmpfs").contains("/tmp")) {
            violations.add(name + " needs a read-only root filesystem with a tmpfs at /tmp");
        }
        if (!Tree.listAt(service, "cap_drop").contains("ALL")) {
            violations.add(name + " keeps its Linux capabilities (cap_drop lacks ALL)");
        }
        checkSettings(contract, service);
    }

    private void checkSettings(ServiceContract contract, Map<String, Object> service) {
        String name = contract.name();
        Map<String, String> settings = environment(service);
        settings.keySet().stream().filter(variable -> !contract.reads(variable))
                .filter(variable -> !JvmFlagRules.VARIABLES.contains(variable)).forEach(variable -> violations
                        .add(name + " sets " + variable + ", which it never reads (" + contract.source() + ")"));
        violations.addAll(JvmFlagRules.check(name, settings, service.get("entrypoint"), build));
        contract.requiredInContainers().stream().filter(variable -> !settings.containsKey(variable))
                .forEach(variable -> violations.add(
                        name + " does not set " + variable + ", whose default (localhost) is wrong in a container"));
        String serverPort = settings.get("SERVER_PORT");
        if (serverPort != null && !serverPort.equals(String.valueOf(contract.port()))) {
            violations.add(name + " sets SERVER_PORT=" + serverPort + ", not " + contract.port());
        }
        String mongoUri = settings.get("MONGODB_URI");
        String database = ServiceContract.databaseIn(mongoUri);
        if (database != null && contract.database() != null && !database.equals(contract.database())) {
            violations.add(name + " uses database " + database + ", not its own " + contract.database());
        }
        if (mongoUri != null && mongoUri.contains("replicaSet=")
                && !mongoUri.contains("replicaSet=" + replicaSetName())) {
            violations.add(name + " names a replica set other than mongodb's " + replicaSetName());
        }
        Set<String> dependencies = Tree.mapAt(service, "depends_on").keySet();
        for (Endpoint endpoint : Endpoint.in(settings, contract)) {
            if (!services.containsKey(endpoint.host())) {
                violations.add(name + " " + endpoint + ": there is no service " + endpoint.host());
            } else if (!listeningPorts(service(endpoint.host())).contains(endpoint.port())) {
                violations.add(name + " " + endpoint + ": " + endpoint.host() + " listens on "
                        + listeningPorts(service(endpoint.host())) + " only");
            } else if (!dependencies.contains(endpoint.host())) {
                violations.add(name + " " + endpoint + ": " + name + " does not wait for " + endpoint.host()
                        + " (depends_on)");
            }
        }
        String bootstrap = settings.get("KAFKA_BOOTSTRAP_SERVERS");
        List<String> advertised = advertisedListeners(environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS"));
        if (bootstrap != null && !advertised.containsAll(List.of(bootstrap.split(",")))) {
            violations.add(name + " bootstraps from " + bootstrap + ", but kafka advertises " + advertised
                    + ", so the client is sent to an address it cannot use");
        }
        String keycloakIssuer = environment(service("keycloak")).get("KC_HOSTNAME") + "/realms/"
                + DevelopmentRealm.load().name();
        for (String variable : ISSUERS) {
            String issuer = settings.get(variable);
            if (issuer != null && !issuer.equals(keycloakIssuer)) {
                violations.add(
                        name + " expects tokens from " + issuer + " (" + variable + "), but Keycloak issues them as "
                                + keycloakIssuer);
            }
        }
    }

    private Map<String, Object> service(String name) {
        return Tree.mapAt(services, name);
    }

    private String replicaSetName() {
        List<Object> command = Tree.listAt(service("mongodb"), "command");
        int flag = command.indexOf("--replSet");
        return flag >= 0 && flag + 1 < command.size() ? String.valueOf(command.get(flag + 1)) : null;
    }

    /** The host:port of each listener in {@code PLAINTEXT://kafka:9092,HOST://localhost:9092}. */
    static List<String> advertisedListeners(String listeners) {
        if (listeners == null) {
            return List.of();
        }
        return Arrays.stream(listeners.split(",")).map(listener -> listener.substring(listener.indexOf("://") + 3))
                .toList();
    }

    /** Both compose forms: a map, or a list of NAME=value. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> settings = new LinkedHashMap<>();
        Object environment = service.get("environment");
        if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = String.valueOf(entry).split("=", 2);
                settings.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        } else {
            Tree.map(environment)
                    .forEach((key, value) -> settings.put(key, value == null ? null : String.valueOf(value)));
        }
        return settings;
    }

    /** The container side of every {@code ports} entry ("8081:8081", "9000:8080", "127.0.0.1:1:2", long form). */
    private static Set<Integer> publishedContainerPorts(Map<String, Object> service) {
        Set<Integer> ports = new TreeSet<>();
        for (Object entry : Tree.listAt(service, "ports")) {
            String port = entry instanceof Map<?, ?> ? Tree.text(entry, "target") : String.valueOf(entry);
            String containerSide = port.substring(port.lastIndexOf(':') + 1).split("/")[0];
            ports.add(Integer.parseInt(containerSide));
        }
        return ports;
    }

    /** The host side of a {@code ports} entry ("127.0.0.1:8080:8080", "8080:8080", long form); null when random. */
    private static String hostPort(Object entry) {
        if (entry instanceof Map<?, ?>) {
            return Tree.text(entry, "published");
        }
        String[] parts = String.valueOf(entry).split("/")[0].split(":");
        return parts.length >= 2 ? parts[parts.length - 2] : null;
    }

    /** What other containers may connect to: published ports and {@code expose}d ones. */
    private static Set<Integer> listeningPorts(Map<String, Object> service) {
        Set<Integer> ports = publishedContainerPorts(service);
        Tree.listAt(service, "expose").forEach(port -> ports.add(Integer.parseInt(String.valueOf(port).split("/")[0])));
        return ports;
    }
}
