package dev.courseline.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a service really reads and serves, taken from its own {@code application.yml}: every {@code ${NAME:default}}
 * placeholder is a variable it reads, {@code SERVER_PORT}'s default is its port, {@code MONGODB_URI}'s default names
 * its database. Without that file (a service not written yet) the contract falls back to docs/conventions.md.
 *
 * @param variables every environment variable the service reads, with its default (null when it has none)
 * @param actuator  where its health probes are served
 * @param source    the file the contract was read from
 */
record ServiceContract(String name, int port, String database, Map<String, String> variables, Actuator actuator,
        String source) {

    /** Every module the build makes an image of (its pom sets {@code container.port}): a new one is checked at once. */
    static final List<String> NAMES = List.copyOf(BuildFacts.read().imagePortByService().keySet());

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern DATABASE = Pattern.compile("^mongodb(?:\\+srv)?://[^/]+/([^?]+)");
    /** What every service needs in any container when the conventions are all there is to go on. */
    private static final Set<String> CONVENTIONAL_ADDRESSES = Set.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI",
            "JWT_ISSUER_URI", "JWT_JWK_SET_URI");

    static List<ServiceContract> all() {
        return NAMES.stream().map(ServiceContract::of).toList();
    }

    static ServiceContract of(String name) {
        Path applicationYml = Repository.path(name + "/src/main/resources/application.yml");
        return Files.isRegularFile(applicationYml)
                ? fromApplicationYml(name, applicationYml)
                : fromConventions(name);
    }

    /** Spring Boot's own properties that a deployment sets as variables (relaxed binding), beside application.yml's. */
    static final Set<String> BOOT_VARIABLES = Set.of(Actuator.MANAGEMENT_PORT_VARIABLE);

    boolean reads(String variable) {
        return variables.containsKey(variable) || BOOT_VARIABLES.contains(variable);
    }

    /**
     * The variables a container must set: those whose default points at localhost, which inside a container is the
     * container itself, never Kafka, MongoDB, the mail server or the identity provider.
     */
    Set<String> requiredInContainers() {
        if (source.endsWith("conventions.md")) {
            return CONVENTIONAL_ADDRESSES;
        }
        Set<String> required = new TreeSet<>();
        variables.forEach((variable, defaultValue) -> {
            if (defaultValue != null && defaultValue.contains("localhost")) {
                required.add(variable);
            }
        });
        return required;
    }

    private static ServiceContract fromApplicationYml(String name, Path file) {
        String text = Repository.read(file);
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            variables.putIfAbsent(placeholder.group(1), placeholder.group(2));
        }
        String port = variables.get("SERVER_PORT");
        if (port == null || !port.matches("\\d+")) {
            throw new IllegalStateException(file + " must read its port as ${SERVER_PORT:<port>}");
        }
        String source = Repository.root().relativize(file).toString();
        int servicePort = Integer.parseInt(port);
        return new ServiceContract(name, servicePort, databaseIn(variables.get("MONGODB_URI")),
                Collections.unmodifiableMap(variables), Actuator.of(properties(text), servicePort), source);
    }

    private static ServiceContract fromConventions(String name) {
        String conventions = Repository.read(Repository.path("docs/conventions.md"));
        int start = conventions.indexOf("## Ports and settings");
        int end = conventions.indexOf("\n## ", start + 1);
        String settings = conventions.substring(start, end < 0 ? conventions.length() : end);
        Matcher port = Pattern.compile("\\|\\s*" + Pattern.quote(name) + "\\s*\\|\\s*(\\d+)\\s*\\|").matcher(settings);
        if (!port.find()) {
            throw new IllegalStateException("docs/conventions.md names no port for " + name);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher variable = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(settings);
        while (variable.find()) {
            variables.putIfAbsent(variable.group(1), null);
        }
        String shortName = name.replace("-service", "");
        int servicePort = Integer.parseInt(port.group(1));
        return new ServiceContract(name, servicePort, "courseline-" + shortName,
                Collections.unmodifiableMap(variables), Actuator.conventional(servicePort), "docs/conventions.md");
    }

    /**
     * The default profile's properties as dotted keys, each placeholder replaced by its default, as the service
     * sees them when no variable overrides them.
     */
    private static Map<String, String> properties(String applicationYml) {
        Map<String, String> properties = new LinkedHashMap<>();
        Object defaultProfile = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(applicationYml).iterator()
                .next();
        flatten("", defaultProfile, properties);
        properties.replaceAll((key, value) -> {
            Matcher placeholder = PLACEHOLDER.matcher(value);
            return placeholder.matches() ? placeholder.group(2) : value;
        });
        return properties;
    }

    private static void flatten(String prefix, Object node, Map<String, String> properties) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    properties));
        } else if (node instanceof List<?> list) {
            properties.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (node != null) {
            properties.put(prefix, String.valueOf(node));
        }
    }

    static String databaseIn(String mongoUri) {
        if (mongoUri == null) {
            return null;
        }
        Matcher database = DATABASE.matcher(mongoUri);
        return database.find() ? database.group(1) : null;
    }
}
