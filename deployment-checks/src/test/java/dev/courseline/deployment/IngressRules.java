package dev.courseline.deployment;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Ingress in front of Courseline, routed as the Kubernetes API defines it (the longest matching path wins, an
 * Exact path over a Prefix of the same length, a Prefix matching whole path elements): the website answers {@code /}
 * and every path that is not an API's, each API path of {@code docs/openapi/<service>.json} reaches the service that
 * serves it, and each backend is a Service with pods behind it that the network policies open to the ingress
 * controller (which runs in a namespace of its own). Every service told the website's public address is told the
 * same one, and it is the Ingress's host.
 */
final class IngressRules {

    /** The process people open: it answers every path the APIs do not. */
    static final String WEBSITE = "website";
    static final String PUBLIC_URL = "WEBSITE_PUBLIC_URL";
    private static final String PUBLIC_URL_SUFFIX = "_PUBLIC_URL";
    /** Pages of the website (the contract's), beside {@code /}, that no API path may take. */
    private static final List<String> PAGES = List.of("/", "/courses/pspo", "/runs/x/enrol", "/enrolments/x",
            "/in-house", "/membership", "/enquiries/x", "/privacy", "/css/site.css");
    /**
     * An annotation (ignored by ingress controllers) listing API paths that a portable Ingress cannot single out, so
     * they are reached in-cluster only; anything else an OpenAPI document lists must be routed to its service.
     */
    static final String UNROUTED = "courseline.dev/unrouted-api-paths";
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}/]+}");

    private final Rendered rendered;
    private final List<String> violations = new ArrayList<>();

    private IngressRules(Rendered rendered) {
        this.rendered = rendered;
    }

    static List<String> check(Rendered rendered, List<ServiceContract> services) {
        IngressRules rules = new IngressRules(rendered);
        if (services.stream().noneMatch(service -> WEBSITE.equals(service.name()))) {
            rules.violations.add("there is no " + WEBSITE + " module to answer at /");
        }
        List<KubeObject> ingresses = rendered.ofKind("Ingress");
        if (ingresses.isEmpty()) {
            rules.violations.add("has no Ingress, so nothing outside the cluster reaches the website");
        }
        for (KubeObject ingress : ingresses) {
            rules.checkBackends(ingress);
            for (Object rule : Tree.listAt(ingress.body(), "spec", "rules")) {
                rules.checkRoutes(ingress, rule, services);
            }
        }
        rules.checkPublicAddress(ingresses);
        return rules.violations;
    }

    /** The API paths a service's committed OpenAPI document lists, as written there ({@code /api/runs/{id}}). */
    static List<String> apiPaths(String service) {
        Path document = Repository.path("docs/openapi/" + service + ".json");
        if (!Files.isRegularFile(document)) {
            return List.of();
        }
        // JSON is YAML too, so the parser of the manifests reads the document.
        Object openApi = new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(document));
        return Tree.mapAt(openApi, "paths").keySet().stream().sorted().toList();
    }

    /** The Service (name and port) a request for {@code path} is sent to under one rule, if any path matches. */
    static Optional<Backend> route(KubeObject ingress, Object rule, String path) {
        record Match(Object path, int length, boolean exact) {
        }
        List<Match> matches = new ArrayList<>();
        for (Object candidate : Tree.listAt(rule, "http", "paths")) {
            String prefix = Objects.toString(Tree.text(candidate, "path"), "/");
            boolean exact = "Exact".equals(Tree.text(candidate, "pathType"));
            if (exact ? prefix.equals(path) : matchesPrefix(prefix, path)) {
                matches.add(new Match(candidate, prefix.length(), exact));
            }
        }
        Optional<Object> best = matches.stream()
                .max(Comparator.comparingInt(Match::length).thenComparing(Match::exact))
                .map(Match::path);
        Object backend = best.map(match -> Tree.at(match, "backend"))
                .orElse(Tree.at(ingress.body(), "spec", "defaultBackend"));
        return Optional.ofNullable(backend).map(Backend::of);
    }

    /** A Prefix path matches whole elements: {@code /api/runs} matches {@code /api/runs/x}, not {@code /api/runsx}. */
    private static boolean matchesPrefix(String prefix, String path) {
        List<String> prefixElements = elements(prefix);
        List<String> pathElements = elements(path);
        return pathElements.size() >= prefixElements.size()
                && pathElements.subList(0, prefixElements.size()).equals(prefixElements);
    }

    private static List<String> elements(String path) {
        return Arrays.stream(path.split("/")).filter(element -> !element.isEmpty()).toList();
    }

    private void checkRoutes(KubeObject ingress, Object rule, List<ServiceContract> services) {
        String where = ingress + (Tree.text(rule, "host") == null ? "" : " host " + Tree.text(rule, "host"));
        Set<String> unrouted = unroutedApiPaths(ingress);
        Map<String, String> expected = new LinkedHashMap<>();
        PAGES.forEach(page -> expected.put(page, WEBSITE));
        Set<String> served = new TreeSet<>();
        for (ServiceContract service : services) {
            for (String path : apiPaths(service.name())) {
                served.add(path);
                if (!unrouted.contains(path)) {
                    expected.put(path, service.name());
                }
            }
        }
        unrouted.stream().filter(path -> !served.contains(path)).forEach(path -> violations
                .add(ingress + " says " + path + " is not routed, but no service serves it (" + UNROUTED + ")"));
        expected.forEach((template, service) -> {
            String path = TEMPLATE.matcher(template).replaceAll("x");
            Optional<Backend> backend = route(ingress, rule, path);
            if (backend.isEmpty()) {
                violations.add(where + " routes " + path + " nowhere, not to " + service);
            } else if (!backend.get().service().equals(service)) {
                violations.add(where + " routes " + path + " to " + backend.get().service() + ", but " + service
                        + " serves it");
            }
        });
    }

    /** The API paths the Ingress declares it leaves out, each with its reason in the manifest's comment. */
    private static Set<String> unroutedApiPaths(KubeObject ingress) {
        String listed = Tree.text(ingress.body(), "metadata", "annotations", UNROUTED);
        Set<String> paths = new TreeSet<>();
        if (listed != null) {
            Arrays.stream(listed.split("[,\\s]+")).filter(path -> !path.isEmpty()).forEach(paths::add);
        }
        return paths;
    }

    private void checkBackends(KubeObject ingress) {
        List<Object> backends = new ArrayList<>();
        Optional.ofNullable(Tree.at(ingress.body(), "spec", "defaultBackend")).ifPresent(backends::add);
        for (Object rule : Tree.listAt(ingress.body(), "spec", "rules")) {
            Tree.listAt(rule, "http", "paths").forEach(path -> backends.add(Tree.at(path, "backend")));
        }
        backends.stream().map(Backend::of).distinct().forEach(backend -> {
            if (backend.service() == null || backend.port() == null) {
                violations.add(ingress + " has a backend without a Service name and port: " + backend);
                return;
            }
            NetworkRules.checkReachable(rendered, ingress + " -> " + backend, backend.service(), backend.port(), null,
                    "the ingress controller", violations);
        });
    }

    /**
     * Everyone told the website's address (the website itself, and the services that put it in links and allow it
     * as an origin) is told the same. With Ingress hosts, every public address a workload is given (each
     * {@code *_PUBLIC_URL}, the enquiry service's own included) is one of them, over https when the Ingress has TLS.
     */
    private void checkPublicAddress(List<KubeObject> ingresses) {
        Map<String, String> websiteAddresses = new LinkedHashMap<>();
        List<String[]> publicAddresses = new ArrayList<>();
        for (KubeObject workload : rendered.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                ClusterRules.settingsOf(rendered, container, new ArrayList<>()).forEach((variable, address) -> {
                    if (variable.endsWith(PUBLIC_URL_SUFFIX) && address != null) {
                        publicAddresses.add(new String[]{workload.name(), variable, address});
                    }
                    if (PUBLIC_URL.equals(variable) && address != null) {
                        websiteAddresses.put(workload.name(), address);
                    }
                });
            }
        }
        if (!websiteAddresses.containsKey(WEBSITE)) {
            violations.add(WEBSITE + " is not told its own public address (" + PUBLIC_URL + ")");
        }
        if (new TreeSet<>(websiteAddresses.values()).size() > 1) {
            violations.add("the services disagree on the website's address: " + PUBLIC_URL + " " + websiteAddresses);
        }
        Set<String> hosts = new TreeSet<>();
        Set<String> tlsHosts = new TreeSet<>();
        for (KubeObject ingress : ingresses) {
            Tree.listAt(ingress.body(), "spec", "rules").stream().map(rule -> Tree.text(rule, "host"))
                    .filter(Objects::nonNull).forEach(hosts::add);
            Tree.listAt(ingress.body(), "spec", "tls")
                    .forEach(tls -> Tree.listAt(tls, "hosts").forEach(host -> tlsHosts.add(String.valueOf(host))));
        }
        for (String[] entry : publicAddresses) {
            String setting = entry[0] + " " + entry[1] + "=" + entry[2];
            URI uri = URI.create(entry[2]);
            if (!hosts.isEmpty() && !hosts.contains(uri.getHost())) {
                violations.add(setting + " is not a host of the Ingress " + hosts);
            } else if (tlsHosts.contains(uri.getHost()) && !"https".equals(uri.getScheme())) {
                violations.add(setting + " is http, but the Ingress serves it over TLS");
            }
        }
    }

    /** An Ingress backend: a Service and its port, by number or by name. */
    record Backend(String service, String port) {

        static Backend of(Object backend) {
            String port = Tree.text(backend, "service", "port", "number");
            return new Backend(Tree.text(backend, "service", "name"),
                    port != null ? port : Tree.text(backend, "service", "port", "name"));
        }

        @Override
        public String toString() {
            return service + ":" + port;
        }
    }
}
