package io.verbatim.documents.internal;

import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.PassageSearchHarness;
import io.verbatim.ask.internal.PassageSearchHarness.Found;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.unit.DataSize;

/**
 * {@code scripts/bench.sh document-quality [--passage-chars N] [--verbose]}: retrieval quality on real public documents
 * (nine licence texts, {@code src/test/resources/evaluation/documents/SOURCE.md}) with 53 questions whose answer passage is
 * known by a needle phrase. Each document goes through the product's path: {@link TextExtractor}, {@link PageChunker}, the
 * retrieval engine's embedding and index, and the engine's search under a collection filter (top 10). A question hits at
 * rank r when the r-th passage is of its document and contains its needle. Prints hit@1, hit@5 and MRR (over the top 10)
 * for BM25, vectors and hybrid, for the tuning part, the held-out part (SHA-1 of the question 8-f) and all, once per embedding
 * model ({@code --models minilm,static}, both by default: the transformer and its distilled static embeddings).
 */
public final class DocumentRetrievalEvaluation {

    record Question(String document, String needle, String text, boolean heldOut) {
    }

    public static void main(String[] args) throws Exception {
        int passageChars = 900;
        boolean verbose = false;
        List<String> models = List.of("minilm", "static");
        double minSimilarity = Double.NaN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--passage-chars" -> passageChars = Integer.parseInt(args[++i]);
                case "--verbose" -> verbose = true;
                case "--models" -> models = List.of(args[++i].split(","));
                case "--min-similarity" -> minSimilarity = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path root = Path.of("src/test/resources/evaluation/documents");
        List<Question> questions = questions(root.resolve("licence-questions.tsv"));
        DocumentProperties properties = new DocumentProperties(DataSize.ofMegabytes(50), 2000, 5_000_000, passageChars,
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(10), 3);
        TextExtractor extractor = new TextExtractor(properties);
        for (String model : models) {
            evaluate(model, minSimilarity, root, questions, extractor, passageChars, verbose);
        }
        System.exit(0);
    }

    private static void evaluate(String model, double minSimilarity, Path root, List<Question> questions, TextExtractor extractor, int passageChars,
                                 boolean verbose) throws Exception {
        Map<String, UUID> ids = new LinkedHashMap<>();
        int passages = 0;
        long t0 = System.nanoTime();
        try (PassageSearchHarness harness = new PassageSearchHarness(model, minSimilarity)) {
            try (var files = Files.list(root.resolve("licences"))) {
                for (Path f : files.sorted().toList()) {
                    var extracted = extractor.extract(Files.readAllBytes(f), f.getFileName().toString());
                    List<SourcePassage> chunks = PageChunker.chunk(extracted.pages(), passageChars);
                    UUID id = UUID.nameUUIDFromBytes(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    harness.add(id, chunks);
                    ids.put(f.getFileName().toString(), id);
                    passages += chunks.size();
                    for (Question q : questions) { // a needle cut in two by the chunker could never be found
                        if (q.document().equals(f.getFileName().toString())
                                && chunks.stream().noneMatch(c -> norm(c.text()).contains(norm(q.needle())))) {
                            System.out.println("   note: needle split across passages: " + q.needle());
                        }
                    }
                }
            }
            long held = questions.stream().filter(Question::heldOut).count();
            System.out.printf(Locale.ROOT, "Document retrieval quality, embedding model %s (min similarity %s): %d public documents, %d passages of <= %d "
                    + "characters (indexed in %.1f s); %d questions (%d tuning, %d held-out)%n", model,
                    Double.isNaN(minSimilarity) ? "default" : minSimilarity, ids.size(), passages, passageChars,
                    (System.nanoTime() - t0) / 1e9, questions.size(), questions.size() - held, held);
            System.out.printf(Locale.ROOT, "%-8s %-9s %6s %6s %6s%n", "mode", "part", "hit@1", "hit@5", "MRR");
            for (String mode : List.of("bm25", "vector", "hybrid")) {
                List<Integer> ranks = new ArrayList<>();
                for (Question q : questions) {
                    List<Found> found = harness.search(q.text(), 10, mode);
                    int rank = 0;
                    for (int r = 0; r < found.size() && rank == 0; r++) {
                        Found f = found.get(r);
                        if (f.sourceId().equals(ids.get(q.document())) && norm(f.text()).contains(norm(q.needle()))) {
                            rank = r + 1;
                        }
                    }
                    ranks.add(rank);
                    if (verbose && mode.equals("hybrid") && rank != 1) {
                        System.out.printf(Locale.ROOT, "   rank %s: %s [%s]%n", rank == 0 ? "-" : rank, q.text(), q.document());
                    }
                }
                row(mode, "tuning", questions, ranks, false);
                row(mode, "held-out", questions, ranks, true);
                row(mode, "all", questions, ranks, null);
            }
        }
    }

    private static void row(String mode, String part, List<Question> questions, List<Integer> ranks, Boolean heldOut) {
        int n = 0;
        int hit1 = 0;
        int hit5 = 0;
        double rr = 0;
        for (int i = 0; i < questions.size(); i++) {
            if (heldOut != null && questions.get(i).heldOut() != heldOut) {
                continue;
            }
            int r = ranks.get(i);
            n++;
            hit1 += r == 1 ? 1 : 0;
            hit5 += r >= 1 && r <= 5 ? 1 : 0;
            rr += r == 0 ? 0 : 1.0 / r;
        }
        System.out.printf(Locale.ROOT, "%-8s %-9s %6.3f %6.3f %6.3f   (n=%d)%n", mode, part, hit1 / (double) n, hit5 / (double) n, rr / n, n);
    }

    static List<Question> questions(Path tsv) throws Exception {
        List<Question> out = new ArrayList<>();
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            char first = HexFormat.of().formatHex(sha1.digest(f[2].getBytes(StandardCharsets.UTF_8))).charAt(0);
            out.add(new Question(f[0], f[1], f[2], first >= '8'));
        }
        return out;
    }

    static String norm(String s) {
        return s.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).strip();
    }
}
