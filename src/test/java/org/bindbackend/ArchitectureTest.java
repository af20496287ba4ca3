package org.bindbackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
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
import java.util.stream.Stream;
import org.bindbackend.config.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependencies, read from the compiled classes by the JDK's {@code jdeps}, and the names of project
 * classes written as strings in them (a class loaded by name is a dependency too): no cycle between packages
 * (docs/architecture.md lists them), and the embedded provider ({@code issuer}) built on nothing of the backend
 * around it but the shared encodings and text handling, so that it cannot reach the real client's secret or the
 * sessions. And the classes stay small enough to read: none over {@link #MAX_LINES} lines.
 */
class ArchitectureTest {

    private static final String ROOT = "org.bindbackend.";
    /** A {@code jdeps -verbose:package} line: {@code   org.bindbackend.api  -> org.bindbackend.auth  classes}. */
    private static final Pattern EDGE = Pattern.compile(
            "^\\s+(org\\.bindbackend\\.[\\w.]+)\\s+->\\s+(org\\.bindbackend\\.[\\w.]+)\\s");

    /** The longest a class of the backend may be, in lines of its source file. */
    static final int MAX_LINES = 250;
    /** A project class named in a string constant: {@code org.bindbackend.cluster.JCacheRevocationSharing}. */
    private static final Pattern CLASS_NAME = Pattern.compile("org\\.bindbackend\\.([a-z][\\w.]*)\\.[A-Z]\\w*");

    private static Path classes;
    private static Map<String, Set<String>> dependencies;

    @BeforeAll
    static void readDependencies() throws URISyntaxException, IOException {
        classes = Path.of(Settings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
                "--ignore-missing-deps", classes.toString());
        assertEquals(0, status, "jdeps failed: " + err);
        dependencies = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                dependencies.computeIfAbsent(name(edge.group(1)), any -> new TreeSet<>()).add(name(edge.group(2)));
            }
        }
        assertTrue(dependencies.containsKey("api") && dependencies.get("api").contains("session"),
                "jdeps' output was not read: " + out);
        namedInStrings().forEach((from, to) -> dependencies.computeIfAbsent(from, any -> new TreeSet<>()).addAll(to));
    }

    /**
     * The packages each package names classes of in its string constants (JVMS §4.4.3), other than its own: what
     * {@code Class.forName} and its kin would load, which jdeps does not see.
     */
    static Map<String, Set<String>> namedInStrings() throws IOException {
        Map<String, Set<String>> named = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String from = name(classes.relativize(file.getParent()).toString().replace('/', '.'));
                for (String constant : ClassFileStrings.of(Files.readAllBytes(file))) {
                    Matcher match = CLASS_NAME.matcher(constant);
                    while (match.find()) {
                        if (!match.group(1).equals(from)) {
                            named.computeIfAbsent(from, any -> new TreeSet<>()).add(match.group(1));
                        }
                    }
                }
            }
        }
        return named;
    }

    @Test
    void aClassNamedInAStringIsSeen() throws IOException, URISyntaxException {
        String loadedByName = "org.bindbackend.issuer.EmbeddedIssuer";
        Path thisClass = Path.of(ArchitectureTest.class.getResource("ArchitectureTest.class").toURI());
        List<String> strings = ClassFileStrings.of(Files.readAllBytes(thisClass));
        assertTrue(strings.contains(loadedByName), "string constants read: " + strings);
        assertEquals(Set.of("issuer"), ClassFileStrings.namedPackages(loadedByName, CLASS_NAME));
    }

    @Test
    void noClassIsLongerThanOneCanRead() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(file).size();
                if (lines > MAX_LINES) {
                    long_.add(sources.relativize(file) + " (" + lines + " lines)");
                }
            }
        }
        assertTrue(long_.isEmpty(), "longer than " + MAX_LINES + " lines: " + long_);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        List<List<String>> cycles = cycles();
        assertTrue(cycles.isEmpty(), "package cycles " + cycles + " in " + dependencies);
    }

    @Test
    void theEmbeddedProviderUsesNothingOfTheBackendAroundItButItsLogs() {
        assertEquals(Set.of("logs", "shared", "text"), dependencies.getOrDefault("issuer", Set.of()),
                "issuer depends on " + dependencies.get("issuer"));
    }

    private static String name(String javaPackage) {
        return javaPackage.equals(ROOT.substring(0, ROOT.length() - 1)) ? "" : javaPackage.substring(ROOT.length());
    }

    /** The strongly connected components of more than one package (Tarjan's algorithm). */
    private static List<List<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> lowest = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> cycles = new ArrayList<>();
        for (String node : dependencies.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, index, lowest, stack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String node, Map<String, Integer> index, Map<String, Integer> lowest,
            Deque<String> stack, List<List<String>> cycles) {
        index.put(node, index.size());
        lowest.put(node, index.get(node));
        stack.push(node);
        for (String next : dependencies.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, index, lowest, stack, cycles);
                lowest.put(node, Math.min(lowest.get(node), lowest.get(next)));
            } else if (stack.contains(next)) {
                lowest.put(node, Math.min(lowest.get(node), index.get(next)));
            }
        }
        if (lowest.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
