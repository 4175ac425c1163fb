package io.verbatim.documents.internal;

import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.CallFusionCandidates;
import io.verbatim.ask.internal.PassageSearchHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.util.unit.DataSize;

/**
 * {@code scripts/bench.sh fusion-cv [--models minilm,static]}: chooses the hybrid search's fusion (the RRF constant k and
 * the vector list's weight against BM25's) by cross-validation over the tuning document questions and the calls
 * question set together, then reports the held-out document questions once with the choice. Each question's candidates
 * (both lists' top 50, ranks and cosines) are collected once through the engine's search; each setting re-fuses them:
 * {@code score = 1/(k + bm25 rank) + w/(k + vector rank)}, the engine's similarity floors unchanged (documents: the
 * model's default; calls: 0, as {@code scripts/bench.sh ask} measures). The held-out questions' misses are never printed.
 */
public final class FusionCrossValidation {

    private static final int[] KS = {1, 2, 5, 10, 20, 30, 60, 100, 200};
    private static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0, 1.5};
    private static final Setting DEFAULT = new Setting(60, 1.0);
    private static final int FOLDS = 5;
    private static final int CANDIDATES = 50;

    record Setting(int k, double vectorWeight) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "k=%d, vector weight %.1f", k, vectorWeight);
        }
    }

    record Candidate(String key, boolean relevant, int bm25Rank, int vectorRank, double similarity) {
    }

    /** A question: which set, its fold, held out or not, its candidates, how many of the fused list are kept, the floor. */
    record Item(String set, int fold, boolean heldOut, List<Candidate> candidates, int limit, double floor) {
    }

    public static void main(String[] args) throws Exception {
        for (String model : PassageSearchHarness.models(args)) {
            List<Item> items = new ArrayList<>(documents(model));
            items.addAll(calls(model));
            report(model, items);
        }
        System.exit(0);
    }

    private static void report(String model, List<Item> items) {
        Predicate<Item> docTuning = i -> i.set().equals("documents") && !i.heldOut();
        Predicate<Item> docHeld = i -> i.set().equals("documents") && i.heldOut();
        Predicate<Item> calls = i -> i.set().equals("calls");
        List<Item> tuning = items.stream().filter(docTuning.or(calls)).toList();
        System.out.printf(Locale.ROOT, "%nModel %s: %d document questions for tuning, %d held out, %d call questions%n", model,
                items.stream().filter(docTuning).count(), items.stream().filter(docHeld).count(), items.stream().filter(calls).count());
        System.out.println("  plain RRF, the fusion before session 13 (" + DEFAULT + "), re-fused here (must equal the benchmarks' hybrid rows):");
        line("    ", items, DEFAULT, docTuning, docHeld, calls);
        // 5 folds, each with questions of both sets (the i-th question of a set goes to fold i % 5).
        int out5 = 0;
        int def5 = 0;
        int outDocs = 0;
        int outCalls = 0;
        int defDocs = 0;
        int defCalls = 0;
        for (int f = 0; f < FOLDS; f++) {
            int fold = f;
            Setting chosen = choose(tuning.stream().filter(i -> i.fold() != fold).toList());
            List<Item> test = tuning.stream().filter(i -> i.fold() == fold).toList();
            System.out.printf(Locale.ROOT, "  fold %d: chosen on the other folds: %s%n", f, chosen);
            for (Item i : test) {
                int hit = rank(i, chosen) >= 1 && rank(i, chosen) <= 5 ? 1 : 0;
                int dhit = rank(i, DEFAULT) >= 1 && rank(i, DEFAULT) <= 5 ? 1 : 0;
                out5 += hit;
                def5 += dhit;
                if (i.set().equals("calls")) {
                    outCalls += hit;
                    defCalls += dhit;
                } else {
                    outDocs += hit;
                    defDocs += dhit;
                }
            }
        }
        System.out.printf(Locale.ROOT, "  5-fold cross-validated hit@5 over the %d tuning questions: %.3f (documents %d, calls %d answers in the top 5)"
                + " against %.3f with plain RRF (documents %d, calls %d)%n", tuning.size(), out5 / (double) tuning.size(), outDocs, outCalls,
                def5 / (double) tuning.size(), defDocs, defCalls);
        Setting onDocs = choose(items.stream().filter(docTuning).toList());
        Setting onCalls = choose(items.stream().filter(calls).toList());
        System.out.printf(Locale.ROOT, "  across sets: chosen on the document tuning questions (%s), calls hit@5 %.3f (plain RRF %.3f); chosen on the calls"
                + " (%s), document tuning hit@5 %.3f (plain RRF %.3f)%n", onDocs, hit5(items, onDocs, calls), hit5(items, DEFAULT, calls), onCalls,
                hit5(items, onCalls, docTuning), hit5(items, DEFAULT, docTuning));
        Setting chosen = choose(tuning);
        System.out.println("  chosen on all tuning questions: " + chosen + "; then, once, every part:");
        line("    ", items, chosen, docTuning, docHeld, calls);
    }

    private static void line(String indent, List<Item> items, Setting s, Predicate<Item> docTuning, Predicate<Item> docHeld, Predicate<Item> calls) {
        System.out.printf(Locale.ROOT, "%sdocuments tuning hit@5 %.3f hit@1 %.3f MRR %.3f | documents held-out hit@5 %.3f hit@1 %.3f MRR %.3f"
                        + " | calls hit@5 %.3f hit@1 %.3f MRR %.3f%n", indent,
                hit5(items, s, docTuning), hit1(items, s, docTuning), mrr(items, s, docTuning),
                hit5(items, s, docHeld), hit1(items, s, docHeld), mrr(items, s, docHeld),
                hit5(items, s, calls), hit1(items, s, calls), mrr(items, s, calls));
    }

    /** The setting with the most answers in the top 5, then the highest MRR, then the nearest to plain RRF (k=60, w=1). */
    static Setting choose(List<Item> items) {
        Setting best = null;
        double[] bestScore = null;
        for (int k : KS) {
            for (double w : WEIGHTS) {
                Setting s = new Setting(k, w);
                int hits = 0;
                double rr = 0;
                for (Item i : items) {
                    int r = rank(i, s);
                    hits += r >= 1 && r <= 5 ? 1 : 0;
                    rr += r == 0 ? 0 : 1.0 / r;
                }
                double distance = Math.abs(Math.log((double) k / DEFAULT.k())) + Math.abs(w - DEFAULT.vectorWeight());
                double[] score = {hits, rr, -distance};
                if (bestScore == null || compare(score, bestScore) > 0) {
                    best = s;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    private static int compare(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-9) {
                return Double.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /** The 1-based rank of the first answering unit (passage or conversation) after fusing with {@code s}; 0 if not in the kept list. */
    static int rank(Item item, Setting s) {
        record Scored(Candidate c, double score, int best) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Candidate found : item.candidates()) {
            // The candidates were collected from longer lists; the engine fuses each list's top 50.
            Candidate c = new Candidate(found.key(), found.relevant(), found.bm25Rank() <= CANDIDATES ? found.bm25Rank() : 0,
                    found.vectorRank() <= CANDIDATES ? found.vectorRank() : 0, found.similarity());
            if (c.bm25Rank() == 0 && c.vectorRank() == 0) {
                continue;
            }
            if (c.bm25Rank() == 0 && c.similarity() < item.floor()) {
                continue; // only the vector list found it and it is not similar enough (the engine's rule)
            }
            if (c.similarity() < item.floor() - 0.15) {
                continue; // the engine's floor for what BM25 found
            }
            double score = (c.bm25Rank() > 0 ? 1.0 / (s.k() + c.bm25Rank()) : 0) + (c.vectorRank() > 0 ? s.vectorWeight() / (s.k() + c.vectorRank()) : 0);
            int best = Math.min(c.bm25Rank() == 0 ? Integer.MAX_VALUE : c.bm25Rank(), c.vectorRank() == 0 ? Integer.MAX_VALUE : c.vectorRank());
            scored.add(new Scored(c, score, best));
        }
        scored.sort(Comparator.comparingDouble((Scored x) -> -x.score()).thenComparingInt(Scored::best));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < Math.min(item.limit(), scored.size()); i++) {
            Candidate c = scored.get(i).c();
            if (seen.add(c.key()) && c.relevant()) {
                return seen.size();
            }
        }
        return 0;
    }

    private static double hit5(List<Item> items, Setting s, Predicate<Item> part) {
        return items.stream().filter(part).mapToInt(i -> rank(i, s) >= 1 && rank(i, s) <= 5 ? 1 : 0).average().orElse(0);
    }

    private static double hit1(List<Item> items, Setting s, Predicate<Item> part) {
        return items.stream().filter(part).mapToInt(i -> rank(i, s) == 1 ? 1 : 0).average().orElse(0);
    }

    private static double mrr(List<Item> items, Setting s, Predicate<Item> part) {
        return items.stream().filter(part).mapToDouble(i -> rank(i, s) == 0 ? 0 : 1.0 / rank(i, s)).average().orElse(0);
    }

    private static List<Item> documents(String model) throws Exception {
        Path root = Path.of("src/test/resources/evaluation/documents");
        List<DocumentRetrievalEvaluation.Question> questions = DocumentRetrievalEvaluation.questions(root.resolve("licence-questions.tsv"));
        DocumentProperties properties = new DocumentProperties(DataSize.ofMegabytes(50), 2000, 5_000_000, 900,
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(10), 3);
        TextExtractor extractor = new TextExtractor(properties);
        List<Item> items = new ArrayList<>();
        try (PassageSearchHarness harness = new PassageSearchHarness(model, 0)) {
            java.util.Map<String, UUID> ids = new java.util.HashMap<>();
            try (var files = Files.list(root.resolve("licences"))) {
                for (Path f : files.sorted().toList()) {
                    List<SourcePassage> chunks = PageChunker.chunk(extractor.extract(Files.readAllBytes(f), f.getFileName().toString()).pages(), 900);
                    UUID id = UUID.nameUUIDFromBytes(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    harness.add(id, chunks);
                    ids.put(f.getFileName().toString(), id);
                }
            }
            double floor = PassageSearchHarness.defaultMinSimilarity(model);
            int tuningSeen = 0;
            for (DocumentRetrievalEvaluation.Question q : questions) {
                List<Candidate> candidates = harness.candidates(q.text()).stream().map(c -> new Candidate(c.found().sourceId() + "|" + c.found().text(),
                        c.found().sourceId().equals(ids.get(q.document()))
                                && DocumentRetrievalEvaluation.norm(c.found().text()).contains(DocumentRetrievalEvaluation.norm(q.needle())),
                        c.bm25Rank(), c.vectorRank(), c.similarity())).toList();
                items.add(new Item("documents", q.heldOut() ? -1 : tuningSeen++ % FOLDS, q.heldOut(), candidates, 10, floor));
            }
        }
        return items;
    }

    private static List<Item> calls(String model) throws Exception {
        List<Item> items = new ArrayList<>();
        int n = 0;
        for (CallFusionCandidates.Asked a : CallFusionCandidates.collect(model)) {
            items.add(new Item("calls", n++ % FOLDS, false, a.candidates().stream()
                    .map(c -> new Candidate(c.conversation(), c.relevant(), c.bm25Rank(), c.vectorRank(), c.similarity())).toList(), 50, 0));
        }
        return items;
    }
}
