package dev.courseline.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the poms say about the container images: the Jib configuration every service inherits from the root pom and
 * the port each service's own pom gives its image. The manifests must agree with it.
 *
 * @param jvmFlags           the services' JVM flags, the root pom's {@code courseline.jvm.flags}
 * @param imageEnvironment   the environment Jib gives every image, as written in the pom (placeholders unresolved)
 * @param jibJvmFlags        Jib's own {@code jvmFlags} list, which must stay empty: the flags have one place
 * @param imagePortByService the {@code container.port} property of each module that has one, in the root pom's
 *                           module order: the modules that ship as an image, which are what gets deployed
 */
record BuildFacts(String projectVersion, String javaRelease, String baseImage, String targetImage, String user,
        List<String> jvmFlags, Map<String, String> imageEnvironment, List<String> jibJvmFlags,
        Map<String, Integer> imagePortByService) {

    /** The root pom property that holds the services' JVM flags. */
    static final String JVM_FLAGS_PROPERTY = "courseline.jvm.flags";

    static BuildFacts read() {
        Element project = parse("pom.xml").getDocumentElement();
        Element jib = jibPlugin(project);
        Element configuration = child(jib, "configuration");
        Element container = child(configuration, "container");
        List<String> jibJvmFlags = new ArrayList<>();
        Element jvmFlagsList = child(container, "jvmFlags");
        if (jvmFlagsList != null) {
            NodeList flags = jvmFlagsList.getElementsByTagName("jvmFlag");
            for (int i = 0; i < flags.getLength(); i++) {
                jibJvmFlags.add(flags.item(i).getTextContent().trim());
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        Element environmentElement = child(container, "environment");
        for (Node node = environmentElement == null
                ? null
                : environmentElement.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element variable) {
                environment.put(variable.getTagName(), variable.getTextContent().trim());
            }
        }
        String flagsProperty = text(child(project, "properties"), JVM_FLAGS_PROPERTY);
        List<String> jvmFlags = flagsProperty == null || flagsProperty.isBlank()
                ? List.of()
                : List.of(flagsProperty.trim().split("\\s+"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Element module : children(child(project, "modules"), "module")) {
            String service = module.getTextContent().trim();
            String port = text(child(parse(service + "/pom.xml").getDocumentElement(), "properties"), "container.port");
            if (port != null) {
                ports.put(service, Integer.parseInt(port));
            }
        }
        return new BuildFacts(text(project, "version"), text(child(project, "properties"), "maven.compiler.release"),
                text(child(configuration, "from"), "image"), text(child(configuration, "to"), "image"),
                text(container, "user"), jvmFlags, Collections.unmodifiableMap(environment), List.copyOf(jibJvmFlags),
                Collections.unmodifiableMap(ports));
    }

    /** The image name the build gives a service: {@code courseline/<artifactId>} (no tag). */
    String imageRepositoryOf(String service) {
        String image = targetImage.replace("${project.artifactId}", service).replace("${project.version}",
                projectVersion);
        return image.substring(0, image.lastIndexOf(':'));
    }

    String imageTag() {
        return targetImage.substring(targetImage.lastIndexOf(':') + 1).replace("${project.version}", projectVersion);
    }

    long userId() {
        return Long.parseLong(user.split(":")[0]);
    }

    /** The services' JVM flags as one space-separated value, as an environment variable would carry them. */
    String jvmFlagsLine() {
        return String.join(" ", jvmFlags);
    }

    /**
     * The largest heap a service may take in a container with this memory limit: {@code -Xmx} when the flags set
     * it, else the share {@code -XX:MaxRAMPercentage} gives (the JVM's default 25%).
     */
    long maxHeapMib(long limitMib) {
        double percentage = 25.0;
        for (String flag : jvmFlags) {
            Matcher xmx = Pattern.compile("^-Xmx(\\d+)([kKmMgG]?)$").matcher(flag);
            if (xmx.matches()) {
                long value = Long.parseLong(xmx.group(1));
                return switch (xmx.group(2).toLowerCase()) {
                    case "g" -> value * 1024;
                    case "m" -> value;
                    case "k" -> value / 1024;
                    default -> value / (1024 * 1024);
                };
            }
            Matcher ram = Pattern.compile("^-XX:MaxRAMPercentage=([0-9.]+)$").matcher(flag);
            if (ram.matches()) {
                percentage = Double.parseDouble(ram.group(1));
            }
        }
        return (long) (limitMib * percentage / 100);
    }

    private static Document parse(String pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(Repository.path(pom).toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot parse " + pom, e);
        }
    }

    private static Element jibPlugin(Element project) {
        Element plugins = child(child(child(project, "build"), "pluginManagement"), "plugins");
        for (Element plugin : children(plugins, "plugin")) {
            if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        throw new IllegalStateException("The root pom.xml manages no jib-maven-plugin");
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        List<Element> matches = children(parent, name);
        return matches.isEmpty() ? null : matches.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> matches = new ArrayList<>();
        if (parent == null) {
            return matches;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                matches.add(element);
            }
        }
        return matches;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
