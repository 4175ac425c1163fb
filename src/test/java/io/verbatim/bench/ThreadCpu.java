package io.verbatim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process's threads, native ones included (ONNX Runtime's), from {@code /proc/self/task}: a
 * benchmark's total CPU and its busiest thread's CPU are figures a loaded machine distorts far less than wall time,
 * and on an idle machine the wall time cannot be below the busiest thread's CPU. Linux only; 10 ms resolution.
 */
public final class ThreadCpu {

    private static final double MS_PER_TICK = 10; // USER_HZ = 100
    private final Map<String, Long> start = ticks();

    /** Milliseconds of CPU since this snapshot: all threads, and the busiest one. */
    public record Used(double totalMs, double busiestMs) {
    }

    public Used used() {
        long total = 0;
        long busiest = 0;
        for (Map.Entry<String, Long> e : ticks().entrySet()) {
            long d = e.getValue() - start.getOrDefault(e.getKey(), 0L);
            total += d;
            busiest = Math.max(busiest, d);
        }
        return new Used(total * MS_PER_TICK, busiest * MS_PER_TICK);
    }

    /** utime + stime of every thread of this process, in clock ticks. */
    private static Map<String, Long> ticks() {
        Map<String, Long> out = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(task.getFileName().toString(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
