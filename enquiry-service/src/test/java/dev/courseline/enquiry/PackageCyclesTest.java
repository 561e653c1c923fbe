package dev.courseline.enquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The feature packages of the service's main classes form no cycle. Dependencies are read from the compiled classes'
 * constant pools (every class, field and method type a class names), so nothing escapes that the compiler saw.
 * {@link #KNOWN} lists the package dependencies that still close a cycle, to be removed one by one: a new cycle
 * fails, and so does a known one that is gone or in no cycle any more (so the list only shrinks).
 */
class PackageCyclesTest {

    private static final String ROOT = "dev/courseline/enquiry/";

    /**
     * Dependencies that still close a cycle, as {@code from -> to} between top-level packages: each points against
     * the intended layering security, abuse, idempotency, intake, lead, quarantine, enrolment, metrics (a package
     * uses only those before it, and web, config, store, outbox and observability, which sit below them all).
     */
    private static final Set<String> KNOWN = Set.of(
            "security -> enrolment", "abuse -> intake", "abuse -> metrics", "enrolment -> metrics",
            "idempotency -> intake",
            "intake -> lead", "intake -> quarantine");

    @Test
    void featurePackagesFormNoCycleBeyondTheKnownOnes() throws IOException, URISyntaxException {
        Map<String, Set<String>> graph = packageGraph(mainClasses());
        Map<String, Set<String>> withoutKnown = new TreeMap<>();
        graph.forEach((from, tos) -> tos.stream().filter(to -> !KNOWN.contains(from + " -> " + to))
                .forEach(to -> withoutKnown.computeIfAbsent(from, k -> new TreeSet<>()).add(to)));

        assertThat(cycles(withoutKnown)).as("package cycles (strongly connected packages)").isEmpty();
        Set<String> edges = new TreeSet<>();
        graph.forEach((from, tos) -> tos.forEach(to -> edges.add(from + " -> " + to)));
        assertThat(edges).as("known cycle edges that are gone: remove them from KNOWN").containsAll(KNOWN);
        List<Set<String>> cycles = cycles(graph);
        for (String known : KNOWN) {
            String[] ends = known.split(" -> ");
            assertThat(cycles).as("%s is in no cycle any more: remove it from KNOWN", known)
                    .anyMatch(group -> group.contains(ends[0]) && group.contains(ends[1]));
        }
    }

    private static Path mainClasses() throws URISyntaxException {
        return Path.of(EnquiryApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static final Pattern NAMED = Pattern.compile(ROOT.replace("/", "\\/") + "([a-z0-9]+)/");

    /** Top-level package to the top-level packages its classes refer to. */
    static Map<String, Set<String>> packageGraph(Path classes) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes.resolve(ROOT))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = classes.relativize(file).toString().replace('\\', '/');
                Matcher own = NAMED.matcher(relative);
                if (!own.lookingAt()) {
                    continue;
                }
                String from = own.group(1);
                try (InputStream in = Files.newInputStream(file)) {
                    for (String text : constantPoolTexts(in)) {
                        Matcher named = NAMED.matcher(text);
                        while (named.find()) {
                            if (!named.group(1).equals(from)) {
                                graph.computeIfAbsent(from, k -> new TreeSet<>()).add(named.group(1));
                            }
                        }
                    }
                }
            }
        }
        return graph;
    }

    /** The UTF-8 entries of a class file's constant pool: class names, descriptors and generic signatures. */
    private static List<String> constantPoolTexts(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
    }

    /** The strongly connected groups of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> groups = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, groups);
            }
        }
        return groups;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> groups) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, groups);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> group = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                group.add(member);
            } while (!member.equals(node));
            if (group.size() > 1) {
                groups.add(group);
            }
        }
    }
}
