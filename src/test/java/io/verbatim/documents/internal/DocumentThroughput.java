package io.verbatim.documents.internal;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.PassageSearchHarness;
import io.verbatim.documents.TestDocuments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.springframework.util.unit.DataSize;

/**
 * {@code scripts/bench.sh documents [documents rounds]}: document processing throughput against parsing alone
 * (Tika / PDFBox) on the same documents in the same run. Processing here is what a node does per document
 * before the database write: extract, chunk into passages and embed them (the embedding model the retrieval
 * engine uses, all-MiniLM-L6-v2 quantized); the PostgreSQL write and the replica update are not in it. Embedding is timed
 * four ways in the same run: LangChain4j's {@code embedAll} (one run per passage, on as many threads as cores), the
 * engine's path until 2026-12-06 (batches of 16 from one thread, {@code FormerBatchedMiniLm}), the engine's path now
 * (one run per passage side by side, {@code MiniLmEmbedder}) and the static embeddings distilled from the same model
 * ({@code StaticEmbedder}).
 * The documents are generated: PDFs of 5 pages, DOCX and Markdown, about 600 words a page.
 */
public final class DocumentThroughput {

    record Doc(String filename, byte[] content) {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (args.length > 2 && args[2].equals("static")) {
            staticOnly(count, rounds);
            return;
        }
        DocumentProperties properties = new DocumentProperties(DataSize.ofMegabytes(50), 2000, 5_000_000, 900,
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(10), 3);
        TextExtractor extractor = new TextExtractor(properties);
        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        Function<List<String>, List<float[]>> perText = texts ->
                model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream().map(e -> e.vector()).toList();
        Function<List<String>, List<float[]>> engine = PassageSearchHarness.engineEmbedder("minilm");
        Function<List<String>, List<float[]>> former = io.verbatim.ask.internal.FormerBatchedMiniLm.embedder();
        Function<List<String>, List<float[]>> statics = PassageSearchHarness.engineEmbedder("static");
        List<Doc> docs = documents(count);
        long bytes = docs.stream().mapToLong(d -> d.content().length).sum();
        System.out.printf("%d documents (PDF x 5 pages, DOCX, Markdown in turn), %.1f MB; %d rounds each, alternating%n",
                docs.size(), bytes / 1e6, rounds);
        // Warm both paths (JIT, the model's session) before timing.
        parse(extractor, docs.subList(0, Math.min(6, docs.size())));
        process(extractor, perText, properties, docs.subList(0, Math.min(6, docs.size())));
        process(extractor, engine, properties, docs.subList(0, Math.min(6, docs.size())));
        process(extractor, former, properties, docs.subList(0, Math.min(6, docs.size())));
        process(extractor, statics, properties, docs.subList(0, Math.min(6, docs.size())));
        double[] parse = new double[rounds];
        double[] still = new double[rounds];
        double[] before = new double[rounds];
        double[] process = new double[rounds];
        double[] batches = new double[rounds];
        long passages = 0;
        java.util.Map<String, List<io.verbatim.bench.ThreadCpu.Used>> cpu = new java.util.HashMap<>();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            io.verbatim.bench.ThreadCpu cpuParse = new io.verbatim.bench.ThreadCpu();
            parse(extractor, docs);
            parse[r] = (System.nanoTime() - t0) / 1e9;
            cpu.computeIfAbsent("parse", k -> new ArrayList<>()).add(cpuParse.used());
            t0 = System.nanoTime();
            io.verbatim.bench.ThreadCpu cpuPerText = new io.verbatim.bench.ThreadCpu();
            process(extractor, perText, properties, docs);
            before[r] = (System.nanoTime() - t0) / 1e9;
            cpu.computeIfAbsent("perText", k -> new ArrayList<>()).add(cpuPerText.used());
            t0 = System.nanoTime();
            io.verbatim.bench.ThreadCpu cpuEngine = new io.verbatim.bench.ThreadCpu();
            passages = process(extractor, engine, properties, docs);
            process[r] = (System.nanoTime() - t0) / 1e9;
            cpu.computeIfAbsent("engine", k -> new ArrayList<>()).add(cpuEngine.used());
            t0 = System.nanoTime();
            io.verbatim.bench.ThreadCpu cpuFormer = new io.verbatim.bench.ThreadCpu();
            process(extractor, former, properties, docs);
            batches[r] = (System.nanoTime() - t0) / 1e9;
            cpu.computeIfAbsent("former", k -> new ArrayList<>()).add(cpuFormer.used());
            t0 = System.nanoTime();
            io.verbatim.bench.ThreadCpu cpuStatics = new io.verbatim.bench.ThreadCpu();
            process(extractor, statics, properties, docs);
            still[r] = (System.nanoTime() - t0) / 1e9;
            cpu.computeIfAbsent("statics", k -> new ArrayList<>()).add(cpuStatics.used());
        }
        Arrays.sort(parse);
        Arrays.sort(before);
        Arrays.sort(process);
        Arrays.sort(still);
        Arrays.sort(batches);
        double fb = batches[rounds / 2];
        double p = parse[rounds / 2];
        double b = before[rounds / 2];
        double q = process[rounds / 2];
        double st = still[rounds / 2];
        System.out.printf("parsing alone (Tika/PDFBox):                         %.2f s  %.1f documents/s%n", p, docs.size() / p);
        System.out.printf("processing, one ONNX run per passage (LangChain4j):  %.2f s  %.1f documents/s  %.2fx parsing%n", b,
                docs.size() / b, b / p);
        System.out.printf("processing, the engine's former batches of 16:       %.2f s  %.1f documents/s  %.2fx parsing%n", fb,
                docs.size() / fb, fb / p);
        System.out.printf("processing, the engine (runs side by side):          %.2f s  %.1f documents/s  %.2fx parsing  (%d passages)%n",
                q, docs.size() / q, q / p, passages);
        System.out.printf("processing, static embeddings (distilled from MiniLM): %.2f s  %.1f documents/s  %.2fx parsing%n", st,
                docs.size() / st, st / p);
        System.out.println("CPU, median of the rounds (all threads; the busiest thread, a floor for an idle machine's wall time):");
        for (String[] row : new String[][] {{"parse", "parsing alone"}, {"perText", "LangChain4j"}, {"former", "engine, former batches"},
                {"engine", "engine, now"}, {"statics", "static"}}) {
            double total = median(cpu.get(row[0]).stream().mapToDouble(io.verbatim.bench.ThreadCpu.Used::totalMs).toArray());
            double busiest = median(cpu.get(row[0]).stream().mapToDouble(io.verbatim.bench.ThreadCpu.Used::busiestMs).toArray());
            double parseBusiest = median(cpu.get("parse").stream().mapToDouble(io.verbatim.bench.ThreadCpu.Used::busiestMs).toArray());
            System.out.printf("  %-24s CPU %7.2f s   busiest thread %7.2f s  (%.2fx parsing's)%n", row[1], total / 1000, busiest / 1000,
                    busiest / parseBusiest);
        }
        System.out.printf("processing / parsing time: MiniLM %.2fx, static %.2fx (target <= 1.5x)%n", q / p, st / p);
    }

    /**
     * {@code documents N R static}: parsing alone against processing with the static embeddings, now and as until
     * session 13 (the tokenizer's {@code encode} for every passage), alternating in the same run; no MiniLM.
     */
    private static void staticOnly(int count, int rounds) {
        DocumentProperties properties = new DocumentProperties(DataSize.ofMegabytes(50), 2000, 5_000_000, 900,
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(10), 3);
        TextExtractor extractor = new TextExtractor(properties);
        io.verbatim.ask.internal.StaticEmbedderStages stages = new io.verbatim.ask.internal.StaticEmbedderStages();
        Function<List<String>, List<float[]>> now = PassageSearchHarness.engineEmbedder("static");
        Function<List<String>, List<float[]>> former = stages::formerEmbedAll;
        List<Doc> docs = documents(count);
        for (int w = 0; w < 3; w++) { // warm the JIT on every path
            parse(extractor, docs);
            process(extractor, now, properties, docs);
            process(extractor, former, properties, docs);
        }
        String[] names = {"parsing alone (Tika/PDFBox)", "processing, static embeddings now", "processing, static embeddings before"};
        List<List<io.verbatim.bench.ThreadCpu.Used>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<double[]> wall = List.of(new double[rounds], new double[rounds], new double[rounds]);
        long passages = 0;
        for (int r = 0; r < rounds; r++) {
            for (int path = 0; path < 3; path++) {
                long t0 = System.nanoTime();
                io.verbatim.bench.ThreadCpu c = new io.verbatim.bench.ThreadCpu();
                switch (path) {
                    case 0 -> parse(extractor, docs);
                    case 1 -> passages = process(extractor, now, properties, docs);
                    default -> process(extractor, former, properties, docs);
                }
                wall.get(path)[r] = (System.nanoTime() - t0) / 1e9;
                cpu.get(path).add(c.used());
            }
        }
        double parseWall = median(wall.get(0).clone());
        double parseCpu = median(cpu.get(0).stream().mapToDouble(io.verbatim.bench.ThreadCpu.Used::totalMs).toArray());
        System.out.printf("%d documents, %d passages, %d rounds alternating, median; load average %s%n", docs.size(), passages, rounds,
                io.verbatim.ask.internal.PassageSearchHarness.loadAverage());
        for (int path = 0; path < 3; path++) {
            double wl = median(wall.get(path).clone());
            double c = median(cpu.get(path).stream().mapToDouble(io.verbatim.bench.ThreadCpu.Used::totalMs).toArray());
            System.out.printf("  %-38s wall %6.3f s (%.2fx parsing)   CPU %6.3f s (%.2fx parsing's)%n", names[path], wl, wl / parseWall,
                    c / 1000, c / parseCpu);
        }
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private static void parse(TextExtractor extractor, List<Doc> docs) {
        for (Doc d : docs) {
            extractor.extract(d.content(), d.filename());
        }
    }

    private static long process(TextExtractor extractor, Function<List<String>, List<float[]>> embedder, DocumentProperties properties,
                                List<Doc> docs) {
        long passages = 0;
        for (Doc d : docs) {
            List<SourcePassage> chunks = PageChunker.chunk(extractor.extract(d.content(), d.filename()).pages(), properties.passageChars());
            embedder.apply(chunks.stream().map(SourcePassage::text).toList());
            passages += chunks.size();
        }
        return passages;
    }

    static List<Doc> generated(int count) {
        return documents(count);
    }

    private static List<Doc> documents(int count) {
        String[] words = ("price service boiler refund warranty appointment technician plan discount customer policy visit "
                + "installation heater thermostat repair emergency monthly annual quote approval manager objection budget "
                + "decision replacement labour parts hours window cancel reschedule seniors veterans valid tax").split(" ");
        Random random = new Random(42);
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> pages = new ArrayList<>();
            for (int p = 0; p < 5; p++) {
                StringBuilder page = new StringBuilder();
                for (int line = 0; line < 40; line++) {
                    for (int w = 0; w < 15; w++) {
                        page.append(words[random.nextInt(words.length)]).append(' ');
                    }
                    page.append('\n');
                }
                pages.add(page.toString());
            }
            switch (i % 3) {
                case 0 -> docs.add(new Doc("doc" + i + ".pdf", TestDocuments.pdf(pages)));
                case 1 -> docs.add(new Doc("doc" + i + ".docx", TestDocuments.docx(pages)));
                default -> docs.add(new Doc("doc" + i + ".md", String.join("\n\n", pages).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return docs;
    }
}
