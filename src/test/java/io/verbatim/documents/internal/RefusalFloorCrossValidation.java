package io.verbatim.documents.internal;

import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.CallFusionCandidates;
import io.verbatim.ask.internal.PassageSearchHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.util.unit.DataSize;

/**
 * {@code scripts/bench.sh refusal-floor [--models minilm,static] | --static-ranking-minilm-gate [--window N]}: chooses, per embedding model, the similarity floor below
 * which the hybrid search drops a passage (the vector-only floor, and how much lower a passage BM25 found may be), so that
 * questions the library answers keep their answer in the top 5 and questions it does not answer find nothing (chat then
 * gives the persona's refusal). Answerable: the document questions over the licence library and the call questions over
 * the test calls. Unanswerable: the same questions asked of the other library (a call question of the licences, a
 * licence question of the calls); nobody wrote them for this. Chosen by balanced accuracy (mean of the two rates) in
 * 5 folds (a question's two uses in one fold) and across libraries; the held-out document questions are measured once,
 * after the choice on every tuning question. Fusion: the engine's for the model.
 */
public final class RefusalFloorCrossValidation {

    private static final int FOLDS = 5;
    private static final int CANDIDATES = 50;
    private static final double[] SLACKS = {0, 0.05, 0.1, 0.15, 0.2, 0.3};
    private static final double ENGINE_SLACK = 0.15;
    private static final double[] COVERAGES = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

    record Candidate(String key, boolean relevant, int bm25Rank, int vectorRank, double similarity, double coverage, String text) {
    }

    /** A question put to one library: which library, answerable there or not, its fold (-1 held out), its candidates. */
    record Item(String library, boolean answerable, int fold, String question, List<Candidate> candidates) {
        boolean heldOut() {
            return fold < 0;
        }
    }

    /** Vector-only hits need cosine {@code floor}; BM25 hits {@code floor - slack} and {@code coverage} of the question. */
    record Floor(double floor, double slack, double coverage) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "floor %.3f (BM25 hits %.3f, coverage %.2f)", floor, floor - slack, coverage);
        }
    }

    record Rates(int answered, int answerable, int refused, int unanswerable) {
        double balanced() {
            return (answerable == 0 ? 0 : answered / (double) answerable) / 2 + (unanswerable == 0 ? 0 : refused / (double) unanswerable) / 2;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "answer in top 5 %d/%d (%.3f), refused %d/%d (%.3f), balanced %.3f", answered, answerable,
                    answerable == 0 ? 0 : answered / (double) answerable, refused, unanswerable,
                    unanswerable == 0 ? 0 : refused / (double) unanswerable, balanced());
        }
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--static-ranking-minilm-gate")) {
            int w = List.of(args).indexOf("--window");
            staticRankingMiniLmGate(w < 0 ? 0 : Integer.parseInt(args[w + 1]));
            System.exit(0);
        }
        for (String model : PassageSearchHarness.models(args)) {
            report(model, items(model));
        }
        System.exit(0);
    }

    /**
     * The engine's path since 2026-12-07 (issue 17): passages indexed and ranked with the static model, chat's top
     * {@link #CHAT_PASSAGES} fused passages (no floor on static cosines), each judged by the gate on MiniLM's cosine of
     * the question and that passage's text ({@code AnswerJudge}). Beside it, MiniLM's own path the same way (its search
     * floor 0.3, BM25 hits 0.15, then the top 6, then the gate) and both models as the tool measures them without the cut.
     */
    private static void staticRankingMiniLmGate(int window) throws Exception {
        List<Item> ranked = items("static");
        List<Item> gated = items("minilm");
        if (window > 0) { // the judge reads only a window of each passage around the question's words
            ranked = ranked.stream().map(i -> new Item(i.library(), i.answerable(), i.fold(), i.question(), i.candidates().stream()
                    .map(c -> new Candidate(c.key(), c.relevant(), c.bm25Rank(), c.vectorRank(), c.similarity(), c.coverage(),
                            PassageSearchHarness.judgeWindow(i.question(), c.text(), window))).toList())).toList();
        }
        java.util.function.Function<List<String>, List<float[]>> minilm = PassageSearchHarness.engineEmbedder("minilm");
        Map<String, float[]> vectors = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (Item i : ranked) {
            i.candidates().forEach(c -> texts.add(c.text()));
        }
        List<String> distinct = texts.stream().distinct().toList();
        List<float[]> embedded = minilm.apply(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            vectors.put(distinct.get(i), embedded.get(i));
        }
        List<String> questions = ranked.stream().map(Item::question).distinct().toList();
        List<float[]> questionVectors = minilm.apply(questions);
        Map<String, float[]> asked = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            asked.put(questions.get(i), questionVectors.get(i));
        }
        List<Item> mixed = new ArrayList<>();
        for (Item item : ranked) {
            float[] q = asked.get(item.question());
            mixed.add(new Item(item.library(), item.answerable(), item.fold(), item.question(), item.candidates().stream()
                    .map(c -> new Candidate(c.key(), c.relevant(), c.bm25Rank(), c.vectorRank(), dot(q, vectors.get(c.text())), c.coverage(), c.text()))
                    .toList()));
        }
        System.out.printf(Locale.ROOT, "%d passages (judge window %d tokens, 0: whole; mean %.0f characters) and %d questions embedded with MiniLM for the gate%n",
                distinct.size(), window, distinct.stream().mapToInt(String::length).average().orElse(0), questions.size());
        report("minilm", "minilm", gated, 0);
        report("static", "static", ranked, 0);
        report("MiniLM, the engine's path (search floor, top " + CHAT_PASSAGES + ", gate)", "minilm", gated, CHAT_PASSAGES);
        report("static ranking, MiniLM gate, the engine's path (top " + CHAT_PASSAGES + ", gate on MiniLM's cosine)", "static", mixed, CHAT_PASSAGES);
    }

    /** Passages a chat message searches for ({@code ChatService}); the gate judges these. */
    private static final int CHAT_PASSAGES = 6;

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void report(String model, List<Item> items) {
        report(model, model, items, 0);
    }

    /** @param cut 0: the gate over every candidate; else the engine's path, the gate over the top {@code cut} fused passages */
    private static void report(String label, String model, List<Item> items, int cut) {
        double engineFloor = PassageSearchHarness.defaultMinSimilarity(model);
        Floor engine = new Floor(engineFloor, ENGINE_SLACK, 0);
        List<Item> tuning = items.stream().filter(i -> !i.heldOut()).toList();
        System.out.printf(Locale.ROOT, "%nModel %s: %d tuning items (%d answerable), %d held-out items; the engine's setting now: %s%n", label,
                tuning.size(), tuning.stream().filter(Item::answerable).count(), items.size() - tuning.size(), engine);
        System.out.println("  engine's setting, tuning items: " + rates(tuning, engine, model, cut));
        Rates cv = new Rates(0, 0, 0, 0);
        for (int f = 0; f < FOLDS; f++) {
            int fold = f;
            Floor chosen = choose(tuning.stream().filter(i -> i.fold() != fold).toList(), model, cut);
            Rates r = rates(tuning.stream().filter(i -> i.fold() == fold).toList(), chosen, model, cut);
            System.out.printf(Locale.ROOT, "  fold %d: chosen on the others %s -> %s%n", f, chosen, r);
            cv = new Rates(cv.answered() + r.answered(), cv.answerable() + r.answerable(), cv.refused() + r.refused(),
                    cv.unanswerable() + r.unanswerable());
        }
        System.out.println("  5-fold cross-validated: " + cv);
        for (String library : List.of("documents", "calls")) {
            Predicate<Item> on = i -> i.library().equals(library);
            Floor chosen = choose(tuning.stream().filter(on).toList(), model, cut);
            System.out.printf(Locale.ROOT, "  chosen on the %s library only (%s), measured on the other: %s (engine's setting there: %s)%n", library,
                    chosen, rates(tuning.stream().filter(on.negate()).toList(), chosen, model, cut), rates(tuning.stream().filter(on.negate()).toList(), engine, model, cut));
        }
        Floor chosen = choose(tuning, model, cut);
        System.out.println("  chosen on every tuning item: " + chosen + " -> tuning " + rates(tuning, chosen, model, cut));
        List<Item> held = items.stream().filter(Item::heldOut).toList();
        System.out.println("  held-out document questions, once: " + rates(held, chosen, model, cut) + " (engine's setting: " + rates(held, engine, model, cut) + ")");
        System.out.println("  the curve on the tuning items at the chosen slack (floor: balanced accuracy):");
        StringBuilder curve = new StringBuilder("   ");
        for (double fl = 0; fl <= 0.9001; fl += 0.05) {
            curve.append(String.format(Locale.ROOT, " %.2f:%.3f", fl, rates(tuning, new Floor(fl, chosen.slack(), chosen.coverage()), model, cut).balanced()));
        }
        System.out.println(curve);
    }

    /** Best balanced accuracy; ties: more answers kept, the engine's slack nearest, then the middle of the tied floors. */
    static Floor choose(List<Item> items, String model, int cut) {
        double bestScore = -1;
        int bestAnswered = -1;
        double bestSlackDistance = Double.MAX_VALUE;
        List<Floor> tied = new ArrayList<>();
        for (double slack : SLACKS) {
            for (int step = 0; step <= 36; step++) {
              for (double cover : COVERAGES) {
                Floor f = new Floor(step * 0.025, slack, cover);
                Rates r = rates(items, f, model, cut);
                double score = Math.round(r.balanced() * 1e9) / 1e9;
                double slackDistance = Math.abs(slack - ENGINE_SLACK);
                int cmp = score != bestScore ? Double.compare(score, bestScore)
                        : r.answered() != bestAnswered ? Integer.compare(r.answered(), bestAnswered)
                        : Double.compare(bestSlackDistance, slackDistance);
                if (cmp > 0) {
                    bestScore = score;
                    bestAnswered = r.answered();
                    bestSlackDistance = slackDistance;
                    tied.clear();
                }
                if (cmp >= 0) {
                    tied.add(f);
                }
              }
            }
        }
        tied.sort(Comparator.comparingDouble(Floor::floor));
        return tied.get(tied.size() / 2);
    }

    static Rates rates(List<Item> items, Floor f, String model, int cut) {
        int answered = 0;
        int answerable = 0;
        int refused = 0;
        int unanswerable = 0;
        for (Item i : items) {
            int rank = rank(i, f, model, cut);
            if (i.answerable()) {
                answerable++;
                answered += rank >= 1 && rank <= 5 ? 1 : 0;
            } else {
                unanswerable++;
                refused += rank < 0 ? 1 : 0;
            }
        }
        return new Rates(answered, answerable, refused, unanswerable);
    }

    /**
     * -1: nothing survives the floor (refusal); else the 1-based fused rank of the first relevant candidate, 0 if none.
     * With {@code cut} the engine's order: the search's own floor (MiniLM's 0.3, 0.15 for BM25 hits; none for static),
     * the top {@code cut} passages, then the gate {@code f} over those.
     */
    static int rank(Item item, Floor f, String model, int cut) {
        int k = model.equals("static") ? 20 : 60; // the engine's fusion (Embedder.rrfK), vector weight 0.1 for both
        record Scored(Candidate c, double score, int best) {
        }
        double searchFloor = model.equals("static") ? Double.NEGATIVE_INFINITY : PassageSearchHarness.defaultMinSimilarity(model);
        List<Scored> kept = new ArrayList<>();
        for (Candidate found : item.candidates()) {
            int bm25 = found.bm25Rank() <= CANDIDATES ? found.bm25Rank() : 0;
            int vector = found.vectorRank() <= CANDIDATES ? found.vectorRank() : 0;
            if (bm25 == 0 && vector == 0) {
                continue;
            }
            if (cut > 0 ? bm25 == 0 && found.similarity() < searchFloor || found.similarity() < searchFloor - ENGINE_SLACK : !admits(found, bm25, f)) {
                continue; // the engine's two floors: what only the vectors found, and what BM25 found
            }
            double score = (bm25 > 0 ? 1.0 / (k + bm25) : 0) + (vector > 0 ? 0.1 / (k + vector) : 0);
            kept.add(new Scored(found, score, Math.min(bm25 == 0 ? Integer.MAX_VALUE : bm25, vector == 0 ? Integer.MAX_VALUE : vector)));
        }
        kept.sort(Comparator.comparingDouble((Scored x) -> -x.score()).thenComparingInt(Scored::best));
        if (cut > 0) {
            kept = new ArrayList<>(kept.subList(0, Math.min(cut, kept.size())));
            kept.removeIf(x -> !admits(x.c(), x.c().bm25Rank() <= CANDIDATES ? x.c().bm25Rank() : 0, f));
        }
        if (kept.isEmpty()) {
            return -1;
        }
        java.util.Set<String> seen = new java.util.HashSet<>(); // a unit (passage, conversation) counts once, as hit@5 does
        for (Scored s : kept) {
            if (seen.add(s.c().key()) && s.c().relevant()) {
                return seen.size() <= 5 ? seen.size() : 0;
            }
            if (seen.size() >= 5) {
                return 0;
            }
        }
        return 0;
    }

    private static boolean admits(Candidate found, int bm25, Floor f) {
        return !(bm25 == 0 && found.similarity() < f.floor() || found.similarity() < f.floor() - f.slack() || bm25 > 0 && found.coverage() < f.coverage());
    }

    private static List<Item> items(String model) throws Exception {
        Path root = Path.of("src/test/resources/evaluation/documents");
        List<DocumentRetrievalEvaluation.Question> docQuestions = DocumentRetrievalEvaluation.questions(root.resolve("licence-questions.tsv"));
        List<String> callQuestions = CallFusionCandidates.questions();
        // A question's fold: document questions by their tuning order, call questions by theirs; held-out ones -1.
        Map<String, Integer> folds = new HashMap<>();
        int seen = 0;
        for (DocumentRetrievalEvaluation.Question q : docQuestions) {
            folds.put(q.text(), q.heldOut() ? -1 : seen++ % FOLDS);
        }
        for (int i = 0; i < callQuestions.size(); i++) {
            folds.put(callQuestions.get(i), i % FOLDS);
        }
        List<Item> items = new ArrayList<>();
        DocumentProperties properties = new DocumentProperties(DataSize.ofMegabytes(50), 2000, 5_000_000, 900,
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(10), 3);
        TextExtractor extractor = new TextExtractor(properties);
        try (PassageSearchHarness harness = new PassageSearchHarness(model, 0)) {
            Map<String, UUID> ids = new HashMap<>();
            try (var files = Files.list(root.resolve("licences"))) {
                for (Path f : files.sorted().toList()) {
                    List<SourcePassage> chunks = PageChunker.chunk(extractor.extract(Files.readAllBytes(f), f.getFileName().toString()).pages(), 900);
                    UUID id = UUID.nameUUIDFromBytes(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    harness.add(id, chunks);
                    ids.put(f.getFileName().toString(), id);
                }
            }
            for (DocumentRetrievalEvaluation.Question q : docQuestions) {
                items.add(new Item("documents", true, folds.get(q.text()), q.text(), harness.candidates(q.text()).stream()
                        .map(c -> new Candidate(c.found().sourceId() + "|" + c.found().text(), c.found().sourceId().equals(ids.get(q.document()))
                                && DocumentRetrievalEvaluation.norm(c.found().text()).contains(DocumentRetrievalEvaluation.norm(q.needle())),
                                c.bm25Rank(), c.vectorRank(), c.similarity(), c.coverage(), c.found().text())).toList()));
            }
            for (String q : callQuestions) {
                items.add(new Item("documents", false, folds.get(q), q, harness.candidates(q).stream()
                        .map(c -> new Candidate(c.found().sourceId() + "|" + c.found().text(), false, c.bm25Rank(), c.vectorRank(), c.similarity(),
                                c.coverage(), c.found().text())).toList()));
            }
        }
        List<String> asked = docQuestions.stream().map(DocumentRetrievalEvaluation.Question::text).toList();
        for (CallFusionCandidates.Asked a : CallFusionCandidates.collect(model, asked)) {
            boolean answerable = !asked.contains(a.question());
            items.add(new Item("calls", answerable, folds.get(a.question()), a.question(), a.candidates().stream()
                    .map(c -> new Candidate(c.conversation(), c.relevant(), c.bm25Rank(), c.vectorRank(), c.similarity(), c.coverage(), c.text())).toList()));
        }
        return items;
    }
}
