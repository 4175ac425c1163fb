package io.verbatim.ask.internal;

import io.verbatim.ask.internal.HybridSearcher.Hit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which passages found for a question are close enough to answer from (chat answers from those only, else gives the
 * persona's refusal). The judge is always MiniLM, whatever model indexes and ranks: the static model's own cosines
 * hardly separate answerable from unanswerable questions (5-fold balanced accuracy 0.772 against MiniLM's 0.912).
 * With the static model MiniLM embeds only the question and a {@link #WINDOW}-token window of each of the few passages
 * a chat answer would be composed from (not every passage of every document), and {@link #WINDOW_GATE} judges its
 * cosines: 5-fold 0.877 on the engine's path ({@code scripts/bench.sh refusal-floor --static-ranking-minilm-gate
 * --window 64}, docs/documents.md "Session 18"). The windows' vectors are kept in a small cache (the same price list
 * answers many questions).
 */
@Component
class AnswerJudge {

    /**
     * MiniLM's gate on the search's own cosines (MiniLM indexing, whole passages), chosen by cross-validation over
     * answerable questions and questions the library does not answer ({@code scripts/bench.sh refusal-floor},
     * docs/documents.md "Session 14"): a passage only the vectors found needs cosine 0.475; one BM25 found needs 0.325
     * and a tenth of the question's subject.
     */
    static final AnswerGate WHOLE_PASSAGE_GATE = new AnswerGate(0.475, 0.325, 0.10);
    /**
     * The gate on MiniLM's cosine of a {@link #WINDOW}-token window (static indexing), chosen the same way on the engine's
     * path ({@code refusal-floor --static-ranking-minilm-gate --window 64}, docs/documents.md "Session 18"): 0.35 for
     * both, a tenth of the question's subject for a word match; 5-fold balanced accuracy 0.877.
     */
    static final AnswerGate WINDOW_GATE = new AnswerGate(0.35, 0.35, 0.10);
    /** Passage vectors kept: 4,096 x 384 floats, about 6 MiB. */
    static final int CACHED = 4096;
    /**
     * Model tokens of a passage the judge reads ({@link #window}): MiniLM's cost grows with the text (a passage is up to
     * 900 characters, about 200 tokens). Chosen on the engine's path by 5-fold cross-validation and cost: 64 tokens gave
     * the balanced accuracy of whole passages (0.877 both; 128 tokens 0.860) and a chat search p95 of 38 ms with the
     * gate (whole passages 71-86 ms, 128 tokens 61-65 ms) at 100,000 pages.
     */
    static final int WINDOW = 64;
    /** For the question's terms and a sentence's, as the index analyses them. */
    private static final HybridSearcher TERMS = new HybridSearcher(1, 60, 0);

    private final Embedder index;
    private final Embedder judge;
    private final Map<String, float[]> cache;

    @Autowired
    AnswerJudge(Embedder embedder) {
        this(embedder, embedder.modelId().equals(MiniLmEmbedder.MODEL) ? embedder : new MiniLmEmbedder());
    }

    /** @param judge the model whose cosines the gate was chosen for (MiniLM; a test may give another) */
    AnswerJudge(Embedder index, Embedder judge) {
        this(index, judge, CACHED);
    }

    /** @param cached passage vectors kept (0: none, as the benchmark measures a cold judgement) */
    AnswerJudge(Embedder index, Embedder judge, int cached) {
        this.index = index;
        this.judge = judge;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cached;
            }
        };
    }

    /** The gate this judge applies: on the window's cosine when it rescores, else on the search's. */
    AnswerGate gate() {
        return rescores() ? WINDOW_GATE : WHOLE_PASSAGE_GATE;
    }

    /** The model the gate judges with (MiniLM): Ask chooses a passage's best turn with it too. */
    Embedder model() {
        return judge;
    }

    /** Whether the index's own cosines are not the judge's, so hits are judged again ({@link #cosines}). */
    boolean rescores() {
        return judge != index;
    }

    /** The question's vector in the judge's model and the cosine to it of each text's window ({@link #WINDOW} tokens). */
    record Cosines(float[] question, double[] values) {
    }

    /** A hit with the judge's cosine to the question (NaN when not needed) and whether it answers. */
    record Judged(Hit hit, double similarity, boolean answers) {
    }

    /** The hits in their order, each judged; {@code question} as searched. */
    List<Judged> judge(String question, List<Hit> hits) {
        List<Judged> out = new ArrayList<>(hits.size());
        if (judge == index) { // the search already computed the judge's cosines
            hits.forEach(h -> out.add(new Judged(h, h.similarity(), WHOLE_PASSAGE_GATE.admits(h))));
            return out;
        }
        // A word match covering too little of the question fails whatever its cosine: no network run for it.
        List<Integer> needed = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            if (h.bm25Rank() == 0 || h.coverage() >= WINDOW_GATE.coverage()) {
                needed.add(i);
            }
        }
        double[] cosines = cosines(question, needed.stream().map(i -> text(hits.get(i))).toList()).values();
        int n = 0;
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            if (n < needed.size() && needed.get(n) == i) {
                double c = cosines[n++];
                out.add(new Judged(h, c, WINDOW_GATE.admits(h.bm25Rank(), c, h.coverage())));
            } else {
                out.add(new Judged(h, Double.NaN, false));
            }
        }
        return out;
    }

    /** Ask's hits above the minimum similarity and the question's vector in the judge's model ({@link #aboveFloor}). */
    record Kept(List<Hit> hits, float[] question) {
    }

    /**
     * The first {@code limit} hits whose judge's cosine reaches {@code floor}, {@code floor} less
     * {@link HybridSearcher#BM25_SIMILARITY_SLACK} for a word match: MiniLM's floors as the search applies them to its own
     * cosines (Ask, with the static index).
     */
    Kept aboveFloor(String question, List<Hit> hits, double floor, int limit) {
        Cosines cosines = cosines(question, hits.stream().map(AnswerJudge::text).toList());
        List<Hit> kept = new ArrayList<>(limit);
        for (int i = 0; i < hits.size() && kept.size() < limit; i++) {
            double need = hits.get(i).bm25Rank() > 0 ? floor - HybridSearcher.BM25_SIMILARITY_SLACK : floor;
            if (cosines.values()[i] >= need) {
                kept.add(hits.get(i));
            }
        }
        return new Kept(kept, cosines.question());
    }

    Cosines cosines(String question, List<String> whole) {
        Set<String> terms = questionTerms(question);
        List<String> passages = whole.stream().map(t -> window(t, terms, WINDOW)).toList();
        double[] out = new double[passages.size()];
        List<String> texts = new ArrayList<>();
        texts.add(question);
        float[][] vectors = new float[passages.size()][];
        synchronized (cache) {
            for (int i = 0; i < passages.size(); i++) {
                vectors[i] = cache.get(passages.get(i));
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            if (vectors[i] == null) {
                missing.add(i);
                texts.add(passages.get(i));
            }
        }
        List<float[]> embedded = judge.embedAll(texts); // the question and the passages not cached, in one parallel batch
        float[] q = embedded.getFirst();
        synchronized (cache) {
            for (int m = 0; m < missing.size(); m++) {
                vectors[missing.get(m)] = embedded.get(m + 1);
                cache.put(passages.get(missing.get(m)), embedded.get(m + 1));
            }
        }
        for (int i = 0; i < passages.size(); i++) {
            double dot = 0;
            for (int d = 0; d < q.length; d++) {
                dot += q[d] * vectors[i][d];
            }
            out[i] = dot;
        }
        return new Cosines(q, out);
    }

    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("(?<=[.!?;:])\\s+|\\n+");

    /** The question's subject terms as the index analyses them (stemmed; stop and question words left out). */
    static Set<String> questionTerms(String question) {
        return new java.util.HashSet<>(TERMS.terms(question));
    }

    /**
     * The part of {@code text} the judge reads: the sentence holding most of the question's terms
     * ({@link #questionTerms}; the first sentence when none does), widened by its neighbours, following ones first, while
     * the window stays within {@code tokens} model tokens (a longer sentence is kept whole).
     */
    static String window(String text, Set<String> questionTerms, int tokens) {
        String[] sentences = SENTENCE_END.split(text.strip());
        if (sentences.length <= 1) {
            return text;
        }
        int best = 0;
        int bestHeld = 0;
        for (int i = 0; i < sentences.length; i++) {
            int held = (int) TERMS.textTerms(sentences[i]).stream().distinct().filter(questionTerms::contains).count();
            if (held > bestHeld) {
                best = i;
                bestHeld = held;
            }
        }
        int from = best;
        int to = best; // inclusive
        int used = Chunker.estimateTokens(sentences[best]);
        boolean grew = true;
        while (grew) {
            grew = false;
            if (to + 1 < sentences.length && used + Chunker.estimateTokens(sentences[to + 1]) <= tokens) {
                used += Chunker.estimateTokens(sentences[++to]);
                grew = true;
            } else if (from > 0 && used + Chunker.estimateTokens(sentences[from - 1]) <= tokens) {
                used += Chunker.estimateTokens(sentences[--from]);
                grew = true;
            }
        }
        return String.join(" ", java.util.Arrays.asList(sentences).subList(from, to + 1));
    }

    static String text(Hit h) {
        String text = h.document() == null ? null : h.document().get(ChunkDocuments.TEXT);
        return text == null ? "" : text;
    }
}
