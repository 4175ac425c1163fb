package io.verbatim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** What the load benchmarks share: requests from several clients at once, and percentiles. */
final class Load {

    /** Latencies of every request (ms, sorted), how many failed, and the wall time of the whole run. */
    record Run(double[] latencies, int failures, double seconds) {
        double perSecond() {
            return latencies.length / seconds;
        }

        double max() {
            return latencies[latencies.length - 1];
        }
    }

    /** One request, numbered; answers whether it succeeded. */
    interface Request {
        boolean send(int index) throws Exception;
    }

    /** Sends requests 0..count-1 from {@code clients} threads. */
    static Run concurrently(int count, int clients, Request request) throws Exception {
        double[] latencies = new double[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long t0 = System.nanoTime();
                        if (!request.send(i)) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Run(latencies, failures.get(), seconds);
    }

    /** The p-th percentile (nearest rank) of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    private Load() {
    }
}
