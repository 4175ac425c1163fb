package io.verbatim.analysis.eval;

import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.Condition;
import io.verbatim.analysis.QaConfig;
import io.verbatim.analysis.Tracker;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of the analysis on 5-minute transcripts, and the cost of the embedding model alone on the
 * same sentences, measured in the same process, interleaved, on {@code threads} worker threads.
 *
 * <p>Transcripts: each labelled call with gaps over 8 s shortened to 1 s (the field visits' inspections),
 * then repeated with shifted times until it lasts 300 s. Baseline: the MiniLM model embedding exactly the
 * sentences the analysis embeds (sentences of three words or more of English conversations: the default
 * config's semantic rules are English-only), one call per transcript, same threads. Ratio = analysis time /
 * embedding time; the difference is our own work (rules, extractors, scoring), also measured directly by
 * a third run with the semantic rules removed. Wall times are medians of the rounds; process CPU time
 * (all threads of this JVM, other processes excluded) is reported too, as it is robust to a busy machine.
 *
 * <p>Usage: {@code AnalysisThroughput [testdata] [threads=2] [rounds=5]}.
 */
public final class AnalysisThroughput {

    static final double SECONDS = 300;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/testdata");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<EvalCall> calls = EvalCall.load(root.resolve("calls"));
        List<Transcript> transcripts = calls.stream().map(c -> fiveMinutes(c.transcript())).toList();
        List<List<String>> sentences = transcripts.stream().map(AnalysisThroughput::embeddedByAnalysis).toList();
        int turns = transcripts.stream().mapToInt(t -> t.turns().size()).sum();
        int words = transcripts.stream().mapToInt(t -> t.turns().stream().mapToInt(x -> x.text().split("\\s+").length).sum()).sum();
        int embedded = sentences.stream().mapToInt(List::size).sum();

        // One model instance for both, so what the analysis sends to the model can be counted.
        CountingModel counted = new CountingModel(new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));
        Analyst analyst = new Analyst(counted);
        MiniLmEmbedder model = new MiniLmEmbedder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // warm-up: model load, JIT
        for (int i = 0; i < 2; i++) {
            analyse(pool, analyst, calls, transcripts, QaConfigs.defaults());
            embed(pool, model, sentences);
        }
        counted.texts.set(0);
        analyse(pool, analyst, calls, transcripts, QaConfigs.defaults());
        long sentToModel = counted.texts.get();
        QaConfig noSemantic = withoutSemanticRules(QaConfigs.defaults());
        double[] analysis = new double[rounds];
        double[] embedding = new double[rounds];
        double[] rulesOnly = new double[rounds];
        double[] cpu = new double[3];
        for (int r = 0; r < rounds; r++) {
            double c0 = cpuSeconds();
            analysis[r] = analyse(pool, analyst, calls, transcripts, QaConfigs.defaults());
            double c1 = cpuSeconds();
            embedding[r] = embed(pool, model, sentences);
            double c2 = cpuSeconds();
            rulesOnly[r] = analyse(pool, analyst, calls, transcripts, noSemantic);
            double c3 = cpuSeconds();
            cpu[0] += c1 - c0;
            cpu[1] += c2 - c1;
            cpu[2] += c3 - c2;
        }
        pool.shutdown();
        double a = median(analysis);
        double e = median(embedding);
        int n = transcripts.size();
        System.out.printf("%d transcripts of %.0f s (%d turns, %d words, %d sentences embedded), %d threads, %d rounds, %d cores available%n",
                n, SECONDS, turns, words, embedded, threads, rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf("texts the analysis sent to the model in a warm round: %d (baseline embeds %d); short replies are memoised%n",
                sentToModel, embedded);
        System.out.printf("analysis:        %.3f s per round -> %.1f analyses/s (%.1f ms each)%n", a, n / a, 1000 * a / n * threads);
        System.out.printf("embeddings only: %.3f s per round -> %.1f transcripts/s%n", e, n / e);
        System.out.printf("ratio analysis / embeddings: %.2fx (our own work: %.0f ms per transcript)%n", a / e,
                1000 * (a - e) / n * threads);
        double o = median(rulesOnly);
        System.out.printf("analysis without semantic rules (no embeddings): %.3f s per round -> %.1f analyses/s (%.1f ms each)%n",
                o, n / o, 1000 * o / n * threads);
        System.out.printf("process CPU time per transcript: analysis %.0f ms, embeddings only %.0f ms (ratio %.2fx), rules only %.1f ms%n",
                1000 * cpu[0] / rounds / n, 1000 * cpu[1] / rounds / n, cpu[0] / cpu[1], 1000 * cpu[2] / rounds / n);
        System.out.println("rounds analysis  " + Arrays.toString(round(analysis)));
        System.out.println("rounds no-embed  " + Arrays.toString(round(rulesOnly)));
        System.out.println("rounds embedding " + Arrays.toString(round(embedding)));
    }

    static Transcript fiveMinutes(Transcript t) {
        List<Turn> compact = new ArrayList<>();
        double shift = 0;
        double prevEnd = 0;
        for (Turn turn : t.turns()) {
            double gap = turn.start() - prevEnd;
            if (gap > 8) {
                shift += gap - 1;
            }
            compact.add(new Turn(turn.speaker(), turn.speakerLabel(), turn.channel(), turn.start() - shift, turn.end() - shift,
                    turn.text(), List.of(), turn.confidence()));
            prevEnd = turn.end();
        }
        double length = compact.get(compact.size() - 1).end() + 1;
        List<Turn> out = new ArrayList<>();
        for (int rep = 0; out.isEmpty() || out.get(out.size() - 1).end() < SECONDS; rep++) {
            for (Turn turn : compact) {
                double offset = rep * length;
                if (turn.start() + offset >= SECONDS) {
                    break;
                }
                out.add(new Turn(turn.speaker(), turn.speakerLabel(), turn.channel(), turn.start() + offset,
                        turn.end() + offset, turn.text(), List.of(), turn.confidence()));
            }
        }
        return new Transcript(t.language(), t.source(), SECONDS, out, true);
    }

    static List<String> embeddedByAnalysis(Transcript t) {
        ConversationText text = new ConversationText(t);
        if (!text.isLanguage("en")) {
            return List.of();
        }
        return text.sentences().stream().filter(s -> s.wordCount() >= 3).map(Sentence::text).toList();
    }

    /** The same config with every semantic condition replaced by one that never holds (a rules-only analysis). */
    static QaConfig withoutSemanticRules(QaConfig c) {
        java.util.Map<String, Condition> lib = new java.util.LinkedHashMap<>();
        c.conditions().forEach((k, v) -> lib.put(k, strip(v)));
        List<Tracker> trackers = c.trackers().stream().map(t -> new Tracker(t.key(), t.name(), t.description(), strip(t.rule()))).toList();
        return new QaConfig(c.version(), lib, c.scorecards(), trackers);
    }

    private static Condition strip(Condition c) {
        return switch (c) {
            case Condition.Semantic s -> new Condition.Phrase(List.of("\u0000never\u0000"), List.of(), s.scope());
            case Condition.AnyOf a -> new Condition.AnyOf(a.conditions().stream().map(AnalysisThroughput::strip).toList());
            case Condition.AllOf a -> new Condition.AllOf(a.conditions().stream().map(AnalysisThroughput::strip).toList());
            case Condition.Not n -> new Condition.Not(strip(n.condition()));
            case Condition.Before b -> new Condition.Before(strip(b.first()), strip(b.then()));
            case Condition.Count k -> new Condition.Count(k.min(), strip(k.condition()));
            default -> c;
        };
    }

    private static double analyse(ExecutorService pool, Analyst analyst, List<EvalCall> calls, List<Transcript> ts,
                                  QaConfig config) throws Exception {
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            EvalCall c = calls.get(i);
            Transcript t = ts.get(i);
            fs.add(pool.submit(() -> analyst.analyse(t, c.attributes(), config, c.goldSentiment())));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double embed(ExecutorService pool, MiniLmEmbedder model, List<List<String>> sentences) throws Exception {
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (List<String> s : sentences) {
            fs.add(pool.submit(() -> model.embedAll(s)));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray();
    }

    /** The embedding model, counting the texts it is asked to embed. */
    private static final class CountingModel implements dev.langchain4j.model.embedding.EmbeddingModel {
        final java.util.concurrent.atomic.AtomicLong texts = new java.util.concurrent.atomic.AtomicLong();
        private final dev.langchain4j.model.embedding.EmbeddingModel model;

        CountingModel(dev.langchain4j.model.embedding.EmbeddingModel model) {
            this.model = model;
        }

        @Override
        public dev.langchain4j.model.output.Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(
                List<dev.langchain4j.data.segment.TextSegment> segments) {
            texts.addAndGet(segments.size());
            return model.embedAll(segments);
        }
    }
}
