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
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
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
