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
 * @param imagePortByService the {@code container.port} property of each module that has one, in the root pom's
 *                           module order: the modules that ship as an image, which are what gets deployed
 */
record BuildFacts(String projectVersion, String javaRelease, String baseImage, String targetImage, String user,
                  List<String> jvmFlags, Map<String, Integer> imagePortByService) {

    static BuildFacts read() {
        Element project = parse("pom.xml").getDocumentElement();
        Element jib = jibPlugin(project);
        Element configuration = child(jib, "configuration");
        Element container = child(configuration, "container");
        List<String> jvmFlags = new ArrayList<>();
        NodeList flags = child(container, "jvmFlags").getElementsByTagName("jvmFlag");
        for (int i = 0; i < flags.getLength(); i++) {
            jvmFlags.add(flags.item(i).getTextContent().trim());
        }
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
                text(container, "user"), List.copyOf(jvmFlags), Collections.unmodifiableMap(ports));
    }

    /** The image name the build gives a service: {@code courseline/<artifactId>} (no tag). */
    String imageRepositoryOf(String service) {
        String image = targetImage.replace("${project.artifactId}", service).replace("${project.version}", projectVersion);
        return image.substring(0, image.lastIndexOf(':'));
    }

    String imageTag() {
        return targetImage.substring(targetImage.lastIndexOf(':') + 1).replace("${project.version}", projectVersion);
    }

    long userId() {
        return Long.parseLong(user.split(":")[0]);
    }

    /** The share of the container's memory limit the heap may take, from {@code -XX:MaxRAMPercentage}. */
    double maxRamPercentage() {
        for (String flag : jvmFlags) {
            Matcher matcher = Pattern.compile("^-XX:MaxRAMPercentage=([0-9.]+)$").matcher(flag);
            if (matcher.matches()) {
                return Double.parseDouble(matcher.group(1));
            }
        }
        return 25.0; // the JVM's own default
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
