package io.verbatim.ask.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code scripts/bench.sh embedding-paths [passages rounds]}: where the engine's MiniLM path and LangChain4j's
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel} spend their time, on the same passages in the same JVM, alternating:
 * tokenization alone, the ONNX run alone (sessions with ONNX Runtime's default intra-op threads, with one, and without
 * spinning; one calling thread or two; single texts or the former batches of 16), and each path's whole
 * {@code embedAll}. Per passage: wall ms, process CPU ms, and the CPU ms of the busiest thread (from
 * {@code ThreadCpu}, native ONNX threads included): on an idle machine the wall time cannot be below the busiest
 * thread's CPU, so that figure shows how well a path spreads over the cores even when the machine is loaded.
 * Passages: 700-900 characters of the words {@code DocumentThroughput} generates.
 */
public final class EmbeddingPathBenchmark {

    private record Timing(double wallMs, double cpuMs, double busiestMs) {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MiniLmEmbedder.disableOnnxTelemetry();
        List<String> passages = passages(count);
        AllMiniLmL6V2QuantizedEmbeddingModel lc4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
        Method modelMethod = AbstractInProcessEmbeddingModel.class.getDeclaredMethod("model");
        modelMethod.setAccessible(true);
        Object encoder = modelMethod.invoke(lc4j);
        HuggingFaceTokenizer lcTokenizer = (HuggingFaceTokenizer) field(encoder, "tokenizer");
        OrtSession lcSession = (OrtSession) field(encoder, "session"); // LangChain4j's: default SessionOptions
        Method toText = encoder.getClass().getDeclaredMethod("toText", List.class);
        toText.setAccessible(true);
        Function<String, Encoding> lcEncode = p -> {
            try {
                return lcTokenizer.encode((String) toText.invoke(encoder, lcTokenizer.tokenize(p)), true, false);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession before = FormerBatchedMiniLm.session(env, 0, true); // the engine's session until 2026-12-06
        OrtSession oneThread = FormerBatchedMiniLm.session(env, 1, true);
        OrtSession noSpin = FormerBatchedMiniLm.session(env, 0, false);
        MiniLmEmbedder engine = new MiniLmEmbedder();
        OnnxMiniLm tokenizerOnly = OnnxMiniLm.load(1, 1);
        List<Encoding> encodings = passages.stream().map(tokenizerOnly::encode).toList();
        List<long[]> ids = encodings.stream().map(Encoding::getIds).toList();
        long sameIds = passages.stream().filter(p -> Arrays.equals(tokenizerOnly.encode(p).getIds(), lcEncode.apply(p).getIds())).count();
        System.out.printf("%d passages, %.0f word pieces on average (min %d, max %d); %d cores; %d rounds, alternating, median%n",
                count, ids.stream().mapToInt(a -> a.length).average().orElse(0), ids.stream().mapToInt(a -> a.length).min().orElse(0),
                ids.stream().mapToInt(a -> a.length).max().orElse(0), Runtime.getRuntime().availableProcessors(), rounds);
        System.out.printf("same word-piece ids from both tokenizations: %d of %d%n", sameIds, count);
        System.out.printf("padding in sorted batches of 16: %.1f%% extra positions%n", 100 * paddingWaste(ids, 16));
        ExecutorService two = Executors.newFixedThreadPool(2);
        Map<String, Supplier<List<float[]>>> cases = new LinkedHashMap<>();
        Map<String, Supplier<?>> tokenize = new LinkedHashMap<>();
        tokenize.put("tokenize: engine (one encode)", () -> passages.stream().map(tokenizerOnly::encode).toList());
        tokenize.put("tokenize: LangChain4j (tokenize, rebuild, encode)", () -> passages.stream().map(lcEncode).toList());
        cases.put("ONNX 1 caller, batches of 16, default threads (before)", () -> FormerBatchedMiniLm.batched(env, before, ids, 16));
        cases.put("ONNX 1 caller, single texts, default threads", () -> ids.stream().map(i -> FormerBatchedMiniLm.run(env, before, List.of(i))[0]).toList());
        cases.put("ONNX 1 caller, single texts, 1 intra-op thread", () -> ids.stream().map(i -> FormerBatchedMiniLm.run(env, oneThread, List.of(i))[0]).toList());
        cases.put("ONNX 2 callers, single texts, default (LangChain4j)", () -> parallel(two, ids, i -> FormerBatchedMiniLm.run(env, lcSession, List.of(i))[0]));
        cases.put("ONNX 2 callers, single texts, default, no spinning", () -> parallel(two, ids, i -> FormerBatchedMiniLm.run(env, noSpin, List.of(i))[0]));
        cases.put("ONNX 2 callers, single texts, 1 intra-op thread", () -> parallel(two, ids, i -> FormerBatchedMiniLm.run(env, oneThread, List.of(i))[0]));
        cases.put("embedAll: engine before (encode + batches of 16)",
                () -> FormerBatchedMiniLm.batched(env, before, passages.stream().map(p -> tokenizerOnly.encode(p).getIds()).toList(), 16));
        cases.put("embedAll: LangChain4j", () -> lc4j.embedAll(passages.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList());
        cases.put("embedAll: engine now (MiniLmEmbedder)", () -> engine.embedAll(passages));
        tokenize.values().forEach(Supplier::get);
        Map<String, List<float[]>> vectors = new HashMap<>();
        cases.forEach((name, c) -> vectors.put(name, c.get())); // warm every path (JIT, each session's first runs)
        Map<String, List<Timing>> timings = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Supplier<?>> c : tokenize.entrySet()) {
                timings.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(time(c.getValue(), count));
            }
            for (Map.Entry<String, Supplier<List<float[]>>> c : cases.entrySet()) {
                timings.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(time(c.getValue(), count));
            }
        }
        System.out.printf("%-56s %9s %9s %9s %12s%n", "per passage", "wall ms", "CPU ms", "busiest", "min cosine*");
        List<float[]> reference = vectors.get("embedAll: LangChain4j");
        timings.forEach((name, ts) -> System.out.printf("%-56s %9.2f %9.2f %9.2f %12s%n", name,
                median(ts.stream().mapToDouble(Timing::wallMs).toArray()), median(ts.stream().mapToDouble(Timing::cpuMs).toArray()),
                median(ts.stream().mapToDouble(Timing::busiestMs).toArray()),
                vectors.containsKey(name) ? String.format("%.7f", minCosine(vectors.get(name), reference)) : ""));
        System.out.println("* lowest cosine over the passages to LangChain4j's embedAll vectors");
        two.shutdown();
        System.exit(0);
    }

    private static double paddingWaste(List<long[]> ids, int batchSize) {
        int[] lengths = ids.stream().mapToInt(a -> a.length).sorted().toArray();
        long real = 0;
        long padded = 0;
        for (int from = 0; from < lengths.length; from += batchSize) {
            int to = Math.min(lengths.length, from + batchSize);
            for (int i = from; i < to; i++) {
                real += lengths[i];
            }
            padded += (long) lengths[to - 1] * (to - from);
        }
        return padded / (double) real - 1;
    }

    private static Timing time(Supplier<?> work, int count) {
        io.verbatim.bench.ThreadCpu cpu = new io.verbatim.bench.ThreadCpu();
        long t0 = System.nanoTime();
        work.get();
        double wall = (System.nanoTime() - t0) / 1e6 / count;
        io.verbatim.bench.ThreadCpu.Used used = cpu.used();
        return new Timing(wall, used.totalMs() / count, used.busiestMs() / count);
    }

    private static <T> List<T> parallel(ExecutorService pool, List<long[]> ids, Function<long[], T> f) {
        List<Future<T>> futures = ids.stream().map(i -> pool.submit(() -> f.apply(i))).toList();
        List<T> out = new ArrayList<>();
        try {
            for (Future<T> future : futures) {
                out.add(future.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private static double minCosine(List<float[]> a, List<float[]> b) {
        double min = 1;
        for (int i = 0; i < a.size(); i++) {
            double d = 0;
            for (int k = 0; k < a.get(i).length; k++) {
                d += a.get(i)[k] * b.get(i)[k];
            }
            min = Math.min(min, d);
        }
        return min;
    }

    /** Passages of 700-900 characters cut at word ends, from the vocabulary DocumentThroughput uses. */
    static List<String> passages(int count) {
        String[] words = ("price service boiler refund warranty appointment technician plan discount customer policy visit "
                + "installation heater thermostat repair emergency monthly annual quote approval manager objection budget "
                + "decision replacement labour parts hours window cancel reschedule seniors veterans valid tax").split(" ");
        Random random = new Random(42);
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            StringBuilder p = new StringBuilder();
            int target = 700 + random.nextInt(200);
            while (p.length() < target) {
                p.append(words[random.nextInt(words.length)]).append(' ');
            }
            out.add(p.toString().strip());
        }
        return out;
    }
}
