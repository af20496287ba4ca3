package org.bindbackend.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the kernel accounts for a process: its CPU time ({@code /proc/<pid>/stat}) and resident memory. */
final class ProcStats {

    /** Clock ticks per second, the unit of {@code utime} and {@code stime} (proc(5)). */
    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcStats() {
    }

    /** User plus system CPU time of all the threads of {@code pid} so far, in nanoseconds. */
    static long cpuNanos(long pid) {
        return ticks(read(Path.of("/proc", String.valueOf(pid), "stat"))) * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /**
     * User plus system CPU time of the JIT compiler threads of {@code pid} so far, in nanoseconds: HotSpot names them
     * {@code C1 CompilerThreadN} and {@code C2 CompilerThreadN}, which the kernel keeps as the 15 characters
     * {@code C2 CompilerThre}. A thread that ended between two readings takes its time with it, so differences of
     * this figure are a lower bound.
     */
    static long compilerCpuNanos(long pid) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                    ticks += ticks(stat);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /** {@code utime + stime} of a {@code stat} line of proc(5), in clock ticks. */
    private static long ticks(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU time the whole machine spent busy so far (all CPUs, everything but idle and I/O wait), in nanoseconds. */
    static long machineBusyNanos() {
        String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /** The load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}). */
    static String loadAverages() {
        String[] fields = read(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** Resident set size of {@code pid} ({@code VmRSS}), in KiB. */
    static long rssKib(long pid) {
        for (String line : read(Path.of("/proc", String.valueOf(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    static long selfPid() {
        return ProcessHandle.current().pid();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the Linux default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
