package org.eemt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No dependency cycle among the packages of the project: the JDK's {@code jdeps -verbose:package}
 * over the compiled classes of geo and spark-job ({@code target/classes}, built by the reactor
 * before the tests), and the strongly connected components (Tarjan 1972) of its package graph
 * restricted to {@code org.eemt}. A cycle fails the build with the packages of each cycle and the
 * edges that close it.
 */
class PackageCyclesTest {
    private static final Pattern EDGE = Pattern.compile("^\\s*(org\\.eemt[\\w.]*)\\s+->\\s+(org\\.eemt[\\w.]*)\\s");

    @Test
    void packagesOfGeoAndSparkJobFormNoCycle() {
        Path sparkJob = Path.of("target/classes");
        Path geo = Path.of("../geo/target/classes");
        assertTrue(Files.isDirectory(sparkJob.resolve("org/eemt/job")), sparkJob.toAbsolutePath() + ": spark-job's classes are missing");
        assertTrue(Files.isDirectory(geo.resolve("org/eemt/geo")), geo.toAbsolutePath() + ": geo's classes are missing (build with the reactor)");
        Map<String, Set<String>> graph = packageGraph(sparkJob, geo);
        assertTrue(graph.keySet().stream().anyMatch(p -> p.startsWith("org.eemt.job.")), "jdeps found no org.eemt.job package: " + graph);
        List<Set<String>> cycles = cycles(graph);
        StringBuilder why = new StringBuilder();
        for (Set<String> cycle : cycles) {
            why.append("\n  cycle of ").append(cycle.size()).append(" packages:");
            for (String from : cycle) {
                for (String to : graph.get(from)) {
                    if (cycle.contains(to)) {
                        why.append("\n    ").append(from).append(" -> ").append(to);
                    }
                }
            }
        }
        System.out.println("PackageCyclesTest: " + graph.size() + " org.eemt packages, "
                + graph.values().stream().mapToInt(Set::size).sum() + " dependencies, " + cycles.size() + " cycles");
        assertEquals(List.of(), cycles, "package dependency cycles:" + why);
    }

    @Test
    void findsACycleAndOnlyCycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", new TreeSet<>(List.of("b")));
        graph.put("b", new TreeSet<>(List.of("c", "d")));
        graph.put("c", new TreeSet<>(List.of("a")));
        graph.put("d", new TreeSet<>(List.of("e")));
        graph.put("e", new TreeSet<>());
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(graph));
        graph.get("c").clear();
        assertEquals(List.of(), cycles(graph));
    }

    /** Package → the org.eemt packages it uses (itself left out), from jdeps. */
    private static Map<String, Set<String>> packageGraph(Path... classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps is not in this JDK"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none", "--multi-release", "17"));
        for (Path c : classes) {
            args.add(c.toString());
        }
        int code = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        assertEquals(0, code, "jdeps failed: " + err.toString(StandardCharsets.UTF_8));
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
                if (!m.group(1).equals(m.group(2))) {
                    graph.get(m.group(1)).add(m.group(2));
                }
            }
        }
        return graph;
    }

    /** The strongly connected components of more than one package (Tarjan's algorithm). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<Set<String>> cycles) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, cycles);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
