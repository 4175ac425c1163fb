package io.verbatim.ask.internal;

import io.verbatim.ask.internal.ChunkDocuments.StoredTurn;
import io.verbatim.ask.internal.HybridSearcher.Hit;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Finds the passages for a question within a filter, and the turn of each that answers best. */
@Component
class Retrieval {

    private final TenantIndexes indexes;
    /** Passages searched beyond the limit when the judge drops some (vector-only hits rank after every word match). */
    static final int JUDGED_EXTRA = 10;
    private final Embedder embedder;
    private final AnswerJudge judge;
    private final HybridSearcher searcher;
    private final ChunkDocuments documents;
    private final double floor;

    Retrieval(TenantIndexes indexes, Embedder embedder, AnswerJudge judge, AskProperties properties, JsonMapper json) {
        this.indexes = indexes;
        this.embedder = embedder;
        this.judge = judge;
        this.searcher = HybridSearcher.forModel(properties, embedder);
        this.documents = new ChunkDocuments(json);
        this.floor = properties.minSimilarity();
    }

    /**
     * The passages, best first, with the question's vector in the judge's model (MiniLM: {@link #refine} and
     * {@link #bestTurns} choose turns with it; null for BM25 alone) and its analysed terms.
     */
    record Result(List<Passage> passages, float[] vector, List<String> terms) {
    }

    Result retrieve(String question, SearchFilter filter, int limit, Mode mode) {
        return retrieve(question, filter, limit, mode, true);
    }

    /** @param judged see {@link #retrieve(String, float[], SearchFilter, int, Mode, boolean)} */
    Result retrieve(String question, SearchFilter filter, int limit, Mode mode, boolean judged) {
        float[] vector = mode == Mode.BM25 ? null : embedder.embed(question);
        return retrieve(question, vector, filter, limit, mode, judged);
    }

    Result retrieve(String question, float[] vector, SearchFilter filter, int limit, Mode mode) {
        return retrieve(question, vector, filter, limit, mode, true);
    }

    /**
     * @param judged with an index model other than the judge's (static), whether the minimum similarity is applied on
     *               the judge's cosine of each passage (MiniLM runs on up to {@code limit + }{@link #JUDGED_EXTRA}
     *               passages); false for wide look-ups that only collect conversations (counts)
     */
    Result retrieve(String question, float[] vector, SearchFilter filter, int limit, Mode mode, boolean judged) {
        List<String> terms = searcher.terms(question);
        boolean rescore = judged && judge.rescores() && vector != null && mode != Mode.BM25;
        record Found(List<Hit> hits, Map<String, Double> idf) {
        }
        Found found = indexes.current(filter.tenant()).search(s ->
                new Found(searcher.search(s, question, vector, filter.toQuery(), rescore ? limit + JUDGED_EXTRA : limit, mode), idf(s, terms)));
        // MiniLM runs after the index is released; the turn choice needs the question in its model either way.
        List<Hit> hits = found.hits();
        float[] judgeVector = vector == null || !judge.rescores() ? vector : null;
        if (rescore) {
            AnswerJudge.Kept kept = judge.aboveFloor(question, hits, floor, limit);
            hits = kept.hits();
            judgeVector = kept.question();
        } else if (judgeVector == null && vector != null) {
            judgeVector = judge.model().embed(question);
        }
        List<Passage> passages = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            passages.add(passage(h, found.idf()));
        }
        return new Result(passages, judgeVector, terms);
    }

    /** Conversations whose transcript contains all of {@code all} and one of {@code any} (a word match, not a meaning match). */
    List<UUID> conversationsWithWords(List<String> all, List<String> any, SearchFilter filter) {
        var query = searcher.wordsQuery(all, any);
        if (query == null) {
            return List.of();
        }
        return indexes.current(filter.tenant()).search(s -> searcher.conversations(s, query, filter.toQuery(), 100_000));
    }

    /**
     * The {@code n} turns of these passages that answer best, each as its passage with that turn chosen:
     * every distinct turn is embedded and scored by its cosine to the question, plus a little when it
     * shares a word with it. For one conversation, where there are few candidates and the exact moment matters.
     */
    List<Passage> bestTurns(List<Passage> passages, float[] vector, List<String> terms, int n) {
        if (vector == null || passages.isEmpty()) {
            return passages.subList(0, Math.min(n, passages.size()));
        }
        record Candidate(Passage passage, int turn, String text) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Passage p : passages) {
            for (int i = 0; i < p.turns().size(); i++) {
                StoredTurn t = p.turns().get(i);
                if (seen.add(t.i()) && !t.x().isBlank()) {
                    candidates.add(new Candidate(p, i, Passage.label(t.s()) + ": " + t.x()));
                }
            }
        }
        List<float[]> vectors = judge.model().embedAll(candidates.stream().map(Candidate::text).toList());
        Set<String> questionTerms = new HashSet<>(terms);
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            boolean shares = searcher.textTerms(candidates.get(i).text()).stream().anyMatch(questionTerms::contains);
            scores[i] = dot(vectors.get(i), vector) + (shares ? 0.1 : 0);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(scores[b], scores[a]));
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, order.size()); i++) {
            Candidate c = candidates.get(order.get(i));
            out.add(c.passage().withBest(c.turn()));
        }
        return out;
    }

    /** Chooses the best turn of passages whose words do not meet the question's, by embedding their turns. */
    List<Passage> refine(List<Passage> passages, float[] vector) {
        if (vector == null) {
            return passages;
        }
        List<Passage> out = new ArrayList<>(passages.size());
        for (Passage p : passages) {
            if (p.matched() || p.turns().size() == 1) {
                out.add(p);
                continue;
            }
            List<float[]> turns = judge.model().embedAll(p.turns().stream().map(t -> Passage.label(t.s()) + ": " + t.x()).toList());
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < turns.size(); i++) {
                double score = dot(turns.get(i), vector);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            out.add(p.withBest(best));
        }
        return out;
    }

    private Passage passage(Hit hit, Map<String, Double> idf) {
        var doc = hit.document();
        List<StoredTurn> turns = documents.turns(doc.get(ChunkDocuments.TURNS));
        int best = 0;
        double bestScore = 0;
        for (int i = 0; i < turns.size(); i++) {
            Set<String> words = new HashSet<>(searcher.textTerms(turns.get(i).x()));
            double score = 0;
            for (var e : idf.entrySet()) {
                if (words.contains(e.getKey())) {
                    score += e.getValue();
                }
            }
            // Longer turns say more; a small bonus breaks ties between equal matches.
            score += score > 0 ? Math.min(turns.get(i).x().length(), 400) / 4000.0 : 0;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        Instant at = Instant.ofEpochMilli(doc.getField(ChunkDocuments.AT).numericValue().longValue());
        return new Passage(hit.id(), hit.conversationId(), hit.score(), at, doc.get(ChunkDocuments.AGENT_NAME),
                doc.get(ChunkDocuments.CHANNEL), turns, best, bestScore > 0);
    }

    private static Map<String, Double> idf(IndexSearcher searcher, List<String> terms) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        int n = Math.max(1, reader.numDocs());
        Map<String, Double> idf = new HashMap<>();
        for (String t : terms) {
            int df = reader.docFreq(new Term(ChunkDocuments.TEXT, t));
            if (df > 0) {
                idf.put(t, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
            }
        }
        return idf;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    HybridSearcher searcher() {
        return searcher;
    }
}
