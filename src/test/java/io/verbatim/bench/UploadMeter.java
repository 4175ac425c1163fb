package io.verbatim.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What one timed tus upload cost, measured the same way for any number of PATCHes: the wall time of every PATCH
 * (summed, nothing between them), the completion's own time from the server's timer
 * ({@code verbatim.shopping.tus.completion}, inside the last PATCH), and the CPU the server spent: this JVM's process
 * CPU minus the client's threads (the benchmark's main thread for the sendfile client, the {@code HttpClient-*}
 * threads for the JDK client, the heap sampler) and minus the full GCs the benchmark itself asks for; PostgreSQL's
 * processes (the postmaster of this data directory and its children, from {@code /proc}) are counted apart.
 */
final class UploadMeter {

    private static final long TICKS_PER_SECOND = 100;
    private final Timer completion;
    private final Path dataDir;
    private final Predicate<String> clientThreads;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final double completion0;
    private final long process0;
    private final long client0;
    private final long database0;
    private final java.util.Map<Long, Long> threads0 = new java.util.HashMap<>();
    private long excluded;
    private long patchNanos;
    private int patches;

    record Result(int patches, double patchSeconds, double completionSeconds, double serverCpuSeconds, double databaseCpuSeconds,
                  java.util.Map<String, Double> threadCpuSeconds) {

        /** The PATCHes without the completion: the bytes' way to the spool. */
        double streamSeconds() {
            return patchSeconds - completionSeconds;
        }
    }

    /** Starts measuring; {@code clientThreads} names the threads whose CPU is the client's (besides this one). */
    UploadMeter(MeterRegistry meters, Path dataDir, Predicate<String> clientThreads) {
        this.completion = meters.timer("verbatim.shopping.tus.completion");
        this.dataDir = dataDir;
        this.clientThreads = clientThreads;
        this.completion0 = completion.totalTime(TimeUnit.NANOSECONDS);
        this.client0 = clientCpu();
        for (long id : threads.getAllThreadIds()) {
            threads0.put(id, threads.getThreadCpuTime(id));
        }
        this.process0 = os.getProcessCpuTime();
        this.database0 = databaseTicks();
    }

    /** Times one PATCH. */
    <T> T patch(ThrowingSupplier<T> request) throws Exception {
        long t0 = System.nanoTime();
        try {
            return request.get();
        } finally {
            patchNanos += System.nanoTime() - t0;
            patches++;
        }
    }

    /** Runs work of the benchmark's own between PATCHes (a full GC for the retained heap): its CPU is not the server's. */
    void outside(Runnable work) {
        long c0 = os.getProcessCpuTime();
        work.run();
        excluded += os.getProcessCpuTime() - c0;
    }

    Result stop() {
        long process = os.getProcessCpuTime() - process0;
        long client = clientCpu() - client0;
        double database = (databaseTicks() - database0) / (double) TICKS_PER_SECOND;
        double completionSeconds = (completion.totalTime(TimeUnit.NANOSECONDS) - completion0) / 1e9;
        return new Result(patches, patchNanos / 1e9, completionSeconds, (process - client - excluded) / 1e9, database, byThread());
    }

    /** CPU seconds per live thread kind (digits in names folded), largest first: where the process's CPU went. */
    private java.util.Map<String, Double> byThread() {
        java.util.Map<String, Double> kinds = new java.util.HashMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(t.getThreadId()) - threads0.getOrDefault(t.getThreadId(), 0L);
            kinds.merge(t.getThreadName().replaceAll("\\d+", "N"), cpu / 1e9, Double::sum);
        }
        java.util.Map<String, Double> top = new java.util.LinkedHashMap<>();
        kinds.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private long clientCpu() {
        long sum = threads.getCurrentThreadCpuTime();
        long me = Thread.currentThread().threadId();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadId() != me && (clientThreads.test(t.getThreadName()) || t.getThreadName().equals("heap-sampler"))) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** utime + stime of this data directory's postmaster and its children (the connections, the writers), in ticks. */
    private long databaseTicks() {
        String marker = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(marker)).orElse(false))
                .mapToLong(p -> ticks(p) + p.descendants().mapToLong(UploadMeter::ticks).sum()).sum();
    }

    private static long ticks(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
