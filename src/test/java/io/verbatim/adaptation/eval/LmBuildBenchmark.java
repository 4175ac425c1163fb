package io.verbatim.adaptation.eval;

import io.verbatim.adaptation.lm.KneserNey;
import io.verbatim.adaptation.lm.LmText;
import io.verbatim.adaptation.lm.NgramCounts;
import io.verbatim.adaptation.lm.NgramModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time and memory of a domain language-model build from 10,000 transcripts (scripts/bench.sh lm-build):
 * each transcript is 40 turns drawn (seeded) from every conversation text in testdata/external and
 * testdata/calls, so the build sees ~3 million words; counting, estimation and ARPA writing are timed
 * apart. Arguments: [transcripts] [turns per transcript].
 */
public final class LmBuildBenchmark {

    public static void main(String[] args) throws IOException {
        int transcripts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path data = Path.of(System.getProperty("verbatim.testdata", "../shared/testdata"));
        List<String> pool = turns(data);
        Random random = new Random(12);
        List<String> corpus = new ArrayList<>(transcripts * turns);
        for (int i = 0; i < transcripts * turns; i++) {
            corpus.add(pool.get(random.nextInt(pool.size())));
        }
        System.gc();
        long t0 = System.nanoTime();
        NgramCounts counts = new NgramCounts();
        corpus.forEach(counts::addText);
        long t1 = System.nanoTime();
        NgramModel model = KneserNey.estimate(counts);
        long t2 = System.nanoTime();
        Path arpa = Files.createTempFile("lm-bench-", ".arpa");
        model.writeArpa(arpa);
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%d transcripts x %d turns (pool of %d distinct turns): %d words, %d sentences%n",
                transcripts, turns, pool.size(), counts.tokens(), counts.sentences());
        System.out.printf(Locale.ROOT, "model: %d words, %d bigrams, %d trigrams, ARPA %.1f MB (%s)%n", model.vocabularySize(),
                model.bigramCount(), model.trigramCount(), Files.size(arpa) / 1e6, arpa);
        System.out.printf(Locale.ROOT, "count %.2f s, estimate %.2f s, write ARPA %.2f s: total %.2f s on %d cores%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9, Runtime.getRuntime().availableProcessors());
        System.out.println(peakMemory());
        if (!List.of(args).contains("--keep")) {
            Files.delete(arpa);
        }
    }

    /** Every turn of every conversation under testdata/external and testdata/calls. */
    static List<String> turns(Path data) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(data.resolve("calls"), data.resolve("external"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".labels.json")
                        && !p.toString().endsWith(".rendered.json")).sorted().toList()) {
                    JsonNode turns = json.readTree(Files.readString(f)).path("turns");
                    turns.values().forEach(t -> {
                        if (!LmText.words(t.path("text").asString("")).isEmpty()) {
                            out.add(t.path("text").asString());
                        }
                    });
                }
            }
        }
        return out;
    }

    static String peakMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return "peak resident memory (JVM included): " + line.substring(6).strip();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "peak resident memory: not available";
    }
}
