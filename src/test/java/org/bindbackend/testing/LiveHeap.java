package org.bindbackend.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server's JVM holds: the bytes of its live objects as {@code jcmd GC.class_histogram} counts them, after a
 * full collection and the finalization it leaves pending (objects a finalizer still reaches survive one collection:
 * measured on Payara Micro, 13 MB of a flood's request buffers that the next collection frees). No JMX: the JDK's
 * own tool attaches to the process.
 */
public final class LiveHeap {

    /** The histogram's last line: {@code Total <instances> <bytes>}. */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private LiveHeap() {
    }

    public static long bytes(BackendServer server) throws IOException, InterruptedException {
        jcmd(server, "GC.run");
        jcmd(server, "GC.run_finalization");
        String histogram = jcmd(server, "GC.class_histogram");
        Matcher total = TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new IllegalStateException("No total in jcmd's histogram: "
                    + histogram.substring(Math.max(0, histogram.length() - 500)));
        }
        return Long.parseLong(total.group(1));
    }

    private static String jcmd(BackendServer server, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }
}
