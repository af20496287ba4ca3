package org.bindbackend.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of a server JVM ({@code jcmd JFR.start} with execution samples only, every
 * {@link #PERIOD}) across several runs, summarized for each run's time window: where the sampled stacks' top frames
 * are (self time by component and by method) and which of the project's and jose4j's methods are most often
 * anywhere on them (total). It perturbs what it measures: off unless {@code bench.profile} is true, and a profiled
 * run's numbers are not for publishing.
 */
final class Profiler {

    private static final int TOP = 15;
    private static final String PERIOD = "2 ms";
    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="bench" description="Execution samples only">
              <event name="jdk.ExecutionSample">
                <setting name="enabled">true</setting>
                <setting name="period">%s</setting>
              </event>
            </configuration>
            """;
    /** Package prefixes and the component they stand for, first match wins. */
    private static final List<Map.Entry<String, String>> COMPONENTS = List.of(
            Map.entry("org.bindbackend.", "bind-backend"),
            Map.entry("org.jose4j.", "jose4j"),
            Map.entry("org.glassfish.grizzly.", "Grizzly (HTTP)"),
            Map.entry("org.apache.catalina.", "Catalina (servlet container)"),
            Map.entry("org.apache.coyote.", "Catalina (servlet container)"),
            Map.entry("org.glassfish.jersey.", "Jersey (JAX-RS)"),
            Map.entry("org.jboss.weld.", "Weld (CDI)"),
            Map.entry("org.jvnet.hk2.", "HK2"),
            Map.entry("org.glassfish.hk2.", "HK2"),
            Map.entry("org.glassfish.soteria.", "Soteria (Jakarta Security)"),
            Map.entry("com.sun.enterprise.security.", "Payara security"),
            Map.entry("fish.payara.", "Payara"),
            Map.entry("com.sun.enterprise.", "Payara"),
            Map.entry("org.glassfish.", "Payara"),
            Map.entry("java.util.logging.", "logging"),
            Map.entry("sun.security.", "JDK crypto"),
            Map.entry("com.sun.crypto.", "JDK crypto"),
            Map.entry("javax.crypto.", "JDK crypto"),
            Map.entry("java.", "JDK"),
            Map.entry("javax.", "JDK"),
            Map.entry("jdk.", "JDK"),
            Map.entry("sun.", "JDK"));

    private final String name;
    private final Path file;
    private final Path settings;

    private Profiler(Path out, String section) throws IOException {
        this.name = "bench-" + slug(section);
        this.file = Files.createDirectories(out.resolve("profiles")).resolve(name + ".jfr");
        Files.deleteIfExists(file);
        this.settings = Files.writeString(file.resolveSibling("sampling.jfc"), SETTINGS.formatted(PERIOD));
    }

    /** Starts recording the running JVM {@code pid}. */
    static Profiler start(long pid, Path out, String section) throws IOException, InterruptedException {
        Profiler profiler = new Profiler(out, section);
        jcmd(pid, "JFR.start", "name=" + profiler.name, "settings=" + profiler.settings, "filename=" + profiler.file);
        return profiler;
    }

    /** A recording that a JVM starts with itself, from its first class on: pass {@link #jvmOption()} to it. */
    static Profiler fromJvmStart(Path out, String section) throws IOException {
        return new Profiler(out, section);
    }

    /** The JVM option that starts this recording with the JVM. */
    String jvmOption() {
        return "-XX:StartFlightRecording=name=" + name + ",settings=" + settings + ",filename=" + file;
    }

    /** Stops the recording in the JVM {@code pid}, which writes it out. */
    void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name);
    }

    /** The summary of the samples taken during {@code run} (also written beside the recording as text). */
    String summarize(Load.Result run, String title) throws IOException {
        return summarize(run.began(), run.ended(), title);
    }

    /** The summary of all the samples recorded (also written beside the recording as text). */
    String summarize(String title) throws IOException {
        return summarize(Instant.MIN, Instant.MAX, title);
    }

    private String summarize(Instant from, Instant to, String title) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(method(frames.get(0)), 1, Integer::sum);
            components.merge(component(method(frames.get(0))), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = method(frame);
                if ((method.startsWith("org.bindbackend.") || method.startsWith("org.jose4j.")) && seen.add(method)) {
                    total.merge(method, 1, Integer::sum);
                }
            }
        }
        String summary = title + " (JFR " + file.getFileName() + "): " + samples + " execution samples\n"
                + table("self time by component", components, samples)
                + table("self time by method", self, samples) + table("total (on the stack; project and jose4j only)",
                total, samples);
        Files.writeString(file.resolveSibling(name + "-" + slug(title) + ".txt"), summary);
        return summary;
    }

    private static String table(String title, Map<String, Integer> counts, int samples) {
        return "  " + title + ":\n" + counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP)
                .map(e -> String.format("    %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String slug(String text) {
        return text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String component(String method) {
        return COMPONENTS.stream().filter(c -> method.startsWith(c.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(method.substring(0, Math.max(0, method.lastIndexOf('.'))));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
