package org.bindbackend.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one load generator: a fixed number of workers, each doing one operation after the other (a closed loop),
 * first for a warm-up whose results are dropped, then for the measured run. The warm-up lasts its minimum time,
 * then goes on in windows of {@link #WINDOW} until the server is warm or the warm-up's limit is reached: three
 * windows in a row agree within {@link #STEADY} of their mean, and the server's JIT compiler threads took at most
 * {@link #JIT_QUIET} of its CPU in the last one. (Rates settle long before the compilers do: a Payara Micro that
 * serves steady rates may still spend a third of its CPU compiling, which a server that runs for days does not.) Each phase ends at whichever comes first: its count of operations,
 * its time, too many errors, or an operation that reports {@link Exhausted}.
 */
final class Load {

    /** One operation of one worker, e.g. a whole login; throws when it failed. */
    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    /** The CPU accounting of the server under load, in nanoseconds so far. */
    interface ServerCpu {
        /** All its threads. */
        long totalNanos();

        /** Its JIT compiler threads. */
        long compilerNanos();
    }

    /** Makes the operation of worker {@code index} (each worker may keep state of its own). */
    @FunctionalInterface
    interface Workers {
        Operation create(int index) throws Exception;
    }

    /** Thrown by an operation that has nothing left to do (e.g. no prepared code left): the phase ends. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("nothing left to do", null, false, false);
        }
    }

    /**
     * How long each phase may run.
     *
     * @param concurrency    workers, each with one operation in flight
     * @param warmup         minimum time of the warm-up
     * @param warmupLimit    time limit of the warm-up
     * @param warmupMax      operation limit of the warm-up
     * @param measured       time limit of the measured run
     * @param measuredMax    operation limit of the measured run
     */
    record Plan(int concurrency, Duration warmup, Duration warmupLimit, int warmupMax, Duration measured,
            int measuredMax) {

        Plan withCounts(int newWarmupMax, int newMeasuredMax) {
            return new Plan(concurrency, warmup, warmupLimit, newWarmupMax, measured, newMeasuredMax);
        }

        Plan withMeasured(Duration newMeasured) {
            return new Plan(concurrency, warmup, warmupLimit, warmupMax, newMeasured, measuredMax);
        }

        /** This plan with a warm-up of at least {@code least}, within its limit. */
        Plan withWarmupLimit(Duration newWarmupLimit) {
            return new Plan(concurrency, warmup, newWarmupLimit, warmupMax, measured, measuredMax);
        }

        Plan withWarmupOfAtLeast(Duration least) {
            Duration longer = warmup.compareTo(least) >= 0 ? warmup : least;
            return new Plan(concurrency, longer.compareTo(warmupLimit) <= 0 ? longer : warmupLimit, warmupLimit,
                    warmupMax, measured, measuredMax);
        }
    }

    /**
     * The measured run.
     *
     * @param name            what was measured
     * @param operations      operations that succeeded
     * @param errors          operations that failed
     * @param seconds         wall time of the run
     * @param latenciesNanos  the successful operations' latencies, sorted
     * @param serverCpuNanos  CPU time the server process used during the run, or -1 when not measured
     * @param serverJitNanos  of which its JIT compiler threads used, or -1 when not measured
     * @param clientCpuNanos  CPU time this load generator's process used during the run
     * @param otherCpuNanos   CPU time the rest of the machine used during the run (other processes: noise)
     * @param firstError      the first failure, or null
     * @param warmupSeconds   how long the warm-up took
     * @param began           when the measured run began
     * @param ended           when it ended
     */
    record Result(String name, int operations, int errors, double seconds, long[] latenciesNanos,
            long serverCpuNanos, long serverJitNanos, long clientCpuNanos, long otherCpuNanos, String firstError, double warmupSeconds,
            Instant began, Instant ended) {

        Result renamed(String newName) {
            return new Result(newName, operations, errors, seconds, latenciesNanos, serverCpuNanos, serverJitNanos,
                    clientCpuNanos,
                    otherCpuNanos, firstError, warmupSeconds, began, ended);
        }

        double perSecond() {
            return operations / seconds;
        }

        double percentileMillis(double percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }

        /** Server CPU milliseconds per successful operation, or NaN. */
        double serverCpuMillisPerOperation() {
            return serverCpuNanos < 0 || operations == 0 ? Double.NaN : serverCpuNanos / 1e6 / operations;
        }

        /** The share of the server's CPU its JIT compilers took during the run, or NaN. */
        double serverJitShare() {
            return serverCpuNanos <= 0 || serverJitNanos < 0 ? Double.NaN : (double) serverJitNanos / serverCpuNanos;
        }

        double clientCpuMillisPerOperation() {
            return operations == 0 ? Double.NaN : clientCpuNanos / 1e6 / operations;
        }

        /** How many cores other processes kept busy on average during the run. */
        double otherCores() {
            return Math.max(0, otherCpuNanos / 1e9 / seconds);
        }

        /**
         * The share of the machine's {@code cores} that nobody used during the run, or NaN without the server's CPU.
         * With requests always in flight, a large idle share means they waited on something other than CPU.
         */
        double idleShare(int cores) {
            if (serverCpuNanos < 0) {
                return Double.NaN;
            }
            double busyCores = (serverCpuNanos + clientCpuNanos + Math.max(0, otherCpuNanos)) / 1e9 / seconds;
            return Math.max(0, 1 - busyCores / cores);
        }
    }

    /** The warm-up's windows after its minimum time. */
    static final Duration WINDOW = Duration.ofSeconds(2);
    /** Windows whose rates all lie within this fraction of their mean are steady. */
    static final double STEADY = 0.05;
    /** The most of the server's CPU its JIT compilers may take in the warm-up's last window. */
    static final double JIT_QUIET = 0.10;
    /** A phase stops early once this many operations failed. */
    private static final int MAX_ERRORS = 20;
    /** Extra time a phase may take past its limit for the operations in flight to finish. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    private Load() {
    }

    /**
     * Warms up, then measures.
     *
     * @param server the server's CPU accounting, or null when there is no server
     */
    static Result run(String name, Plan plan, Workers workers, ServerCpu server) throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < plan.concurrency(); i++) {
            operations.add(workers.create(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(plan.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "load-" + name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            double warmupSeconds = warmUp(name, pool, operations, plan, server);
            if (plan.measuredMax() == 0 || plan.measured().isZero()) {
                return new Result(name, 0, 0, 0, new long[0], -1, -1, 0, 0, null, warmupSeconds, Instant.now(),
                        Instant.now());
            }
            long serverBefore = server == null ? 0 : server.totalNanos();
            long jitBefore = server == null ? 0 : server.compilerNanos();
            long clientBefore = ProcStats.cpuNanos(ProcStats.selfPid());
            long machineBefore = ProcStats.machineBusyNanos();
            Instant began = Instant.now();
            Phase measured = phase(pool, operations, plan.measured(), plan.measuredMax());
            long machine = ProcStats.machineBusyNanos() - machineBefore;
            long clientCpu = ProcStats.cpuNanos(ProcStats.selfPid()) - clientBefore;
            long serverCpuUsed = server == null ? -1 : server.totalNanos() - serverBefore;
            long jitUsed = server == null ? -1 : server.compilerNanos() - jitBefore;
            return new Result(name, measured.latencies().length, measured.errors(), measured.seconds(),
                    measured.latencies(), serverCpuUsed, jitUsed, clientCpu, machine - clientCpu - Math.max(0, serverCpuUsed),
                    measured.firstError(), warmupSeconds, began, Instant.now());
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println(name + ": load workers did not stop");
            }
        }
    }

    /** Runs the warm-up: its minimum time, then windows until steady, within its limits; returns its seconds. */
    private static double warmUp(String name, ExecutorService pool, List<Operation> operations, Plan plan,
            ServerCpu server) throws Exception {
        if (plan.warmupMax() <= 0 || plan.warmup().isZero()) {
            return 0;
        }
        long began = System.nanoTime();
        long limit = began + plan.warmupLimit().toNanos();
        int left = plan.warmupMax();
        Phase phase = phase(pool, operations, plan.warmup(), left);
        if (phase.errors() > 0 && phase.latencies().length == 0) {
            throw new IllegalStateException(name + ": every warm-up operation failed: " + phase.firstError());
        }
        left -= phase.latencies().length + phase.errors();
        List<Double> rates = new ArrayList<>();
        while (left > 0 && System.nanoTime() + WINDOW.toNanos() <= limit && !phase.exhausted()) {
            long serverBefore = server == null ? 0 : server.totalNanos();
            long jitBefore = server == null ? 0 : server.compilerNanos();
            phase = phase(pool, operations, WINDOW, left);
            left -= phase.latencies().length + phase.errors();
            rates.add(phase.latencies().length / phase.seconds());
            boolean compilersQuiet = server == null
                    || server.compilerNanos() - jitBefore <= JIT_QUIET * (server.totalNanos() - serverBefore);
            if (compilersQuiet && steady(rates)) {
                break;
            }
        }
        return (System.nanoTime() - began) / 1e9;
    }

    /** Whether the last three windows' rates agree within {@link #STEADY} of their mean. */
    private static boolean steady(List<Double> rates) {
        if (rates.size() < 3) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - 3, rates.size());
        double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return last.stream().allMatch(rate -> Math.abs(rate - mean) <= STEADY * mean);
    }

    private record Phase(long[] latencies, int errors, double seconds, String firstError, boolean exhausted) {
    }

    private static Phase phase(ExecutorService pool, List<Operation> operations, Duration limit, int maxOperations)
            throws Exception {
        AtomicInteger tickets = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger exhausted = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<long[]>> futures = new ArrayList<>();
        for (Operation operation : operations) {
            futures.add(pool.submit(() -> {
                start.await();
                long[] latencies = new long[64];
                int count = 0;
                while (System.nanoTime() < deadline[0] && errors.get() < MAX_ERRORS
                        && tickets.getAndIncrement() < maxOperations) {
                    long began = System.nanoTime();
                    try {
                        operation.run();
                    } catch (Exhausted nothingLeft) {
                        exhausted.incrementAndGet();
                        tickets.set(maxOperations);
                        break;
                    } catch (Exception | AssertionError failure) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, failure.toString());
                        continue;
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = System.nanoTime() - began;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        long began = System.nanoTime();
        deadline[0] = began + limit.toNanos();
        start.countDown();
        long[] all = new long[0];
        for (Future<long[]> future : futures) {
            long wait = Math.max(1, deadline[0] + GRACE.toNanos() - System.nanoTime());
            long[] latencies;
            try {
                latencies = future.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("A load worker did not finish within " + GRACE + " of its time limit");
            }
            int offset = all.length;
            all = Arrays.copyOf(all, offset + latencies.length);
            System.arraycopy(latencies, 0, all, offset, latencies.length);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Arrays.sort(all);
        return new Phase(all, errors.get(), seconds, firstError.get(), exhausted.get() > 0);
    }
}
