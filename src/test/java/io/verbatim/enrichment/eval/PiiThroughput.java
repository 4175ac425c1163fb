package io.verbatim.enrichment.eval;

import io.verbatim.enrichment.EnrichmentOptions;
import io.verbatim.enrichment.pii.PiiDetector;
import io.verbatim.speech.Transcript;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PiiDetector} alone, one thread: conversations per CPU-second of {@code detect} (thread CPU time, so that a
 * shared machine's load counts less than in wall time), over every conversation of the folders given, after a warm-up.
 * Not a test. Run with the classes to compare first on the class path, alternating old and new in separate JVMs:
 * {@code java @target/bench.args io.verbatim.enrichment.eval.PiiThroughput [--rounds 3] FOLDER...}
 */
public final class PiiThroughput {

    private record Input(Transcript transcript, EnrichmentOptions options) {
    }

    private PiiThroughput() {
    }

    public static void main(String[] args) {
        int rounds = 3;
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
                continue;
            }
            Path folder = Path.of(args[i]);
            for (String id : EnrichmentEvaluation.ids(folder)) {
                inputs.add(new Input(EnrichmentEvaluation.transcript(folder, id), EnrichmentEvaluation.options(folder, id)));
            }
        }
        PiiDetector detector = new PiiDetector();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = run(detector, inputs);
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            sink += run(detector, inputs);
        }
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        int n = inputs.size() * rounds;
        System.out.printf("%d conversations x %d rounds: %.1f conversations per CPU-second (%.1f per wall second), %d finds%n",
                inputs.size(), rounds, n / cpuSeconds, n / wallSeconds, sink);
    }

    private static long run(PiiDetector detector, List<Input> inputs) {
        long finds = 0;
        for (Input in : inputs) {
            Transcript t = in.transcript();
            finds += detector.detect(t.turns(), t.language(), in.options().agentName(), in.options().customerName()).size();
        }
        return finds;
    }
}
