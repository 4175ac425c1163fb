package io.verbatim.ask.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Hybrid retrieval over one tenant's index. BM25 (the question's analysed terms, OR-ed) and the HNSW
 * vector search each return their top {@code candidates} chunks under the same filter (tenant, role
 * scope, question filters: a FILTER clause for BM25, the pre-filter of the vector search), and the two
 * lists are fused by reciprocal rank: {@code score(d) = sum over lists of 1 / (k + rank(d))}. RRF needs
 * no score calibration between BM25 and cosine, and a chunk both lists like rises to the top.
 */
final class HybridSearcher {

    enum Mode { BM25, VECTOR, HYBRID }

    /** A chunk found; ranks are 1-based, 0 when the list did not contain it. */
    record Hit(String id, UUID conversationId, double score, int bm25Rank, int vectorRank, Document document) {
    }

    private static final int MAX_TERMS = 64;
    private final Analyzer analyzer = TenantIndex.analyzer();
    private final int candidates;
    private final int rrfK;

    HybridSearcher(int candidates, int rrfK) {
        this.candidates = candidates;
        this.rrfK = rrfK;
    }

    /** The question's terms as the index analysed the text (stemmed, stop words removed). */
    List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(ChunkDocuments.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }

    Query textQuery(String question) {
        List<String> terms = terms(question);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(ChunkDocuments.TEXT, t)), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * @param vector the question's embedding; null with {@link Mode#BM25}
     * @param limit  chunks to return (after fusion)
     */
    List<Hit> search(TenantIndex index, String question, float[] vector, Query filter, int limit, Mode mode) {
        return index.search(searcher -> search(searcher, question, vector, filter, limit, mode));
    }

    List<Hit> search(IndexSearcher searcher, String question, float[] vector, Query filter, int limit, Mode mode)
            throws IOException {
        int k = Math.max(candidates, limit);
        ScoreDoc[] bm25 = new ScoreDoc[0];
        ScoreDoc[] knn = new ScoreDoc[0];
        if (mode != Mode.VECTOR) {
            Query text = textQuery(question);
            if (text != null) {
                Query q = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
                bm25 = searcher.search(q, k).scoreDocs;
            }
        }
        if (mode != Mode.BM25 && vector != null) {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(ChunkDocuments.VECTOR, vector, k, filter), k);
            knn = top.scoreDocs;
        }
        Map<Integer, double[]> fused = new HashMap<>(); // doc -> {score, bm25Rank, vectorRank}
        for (int r = 0; r < bm25.length; r++) {
            double[] f = fused.computeIfAbsent(bm25[r].doc, d -> new double[3]);
            f[0] += 1.0 / (rrfK + r + 1);
            f[1] = r + 1;
        }
        for (int r = 0; r < knn.length; r++) {
            double[] f = fused.computeIfAbsent(knn[r].doc, d -> new double[3]);
            f[0] += 1.0 / (rrfK + r + 1);
            f[2] = r + 1;
        }
        List<Map.Entry<Integer, double[]>> ranked = new ArrayList<>(fused.entrySet());
        ranked.sort(Comparator.<Map.Entry<Integer, double[]>>comparingDouble(e -> -e.getValue()[0])
                .thenComparingDouble(e -> best(e.getValue())));
        List<Hit> hits = new ArrayList<>(Math.min(limit, ranked.size()));
        var stored = searcher.storedFields();
        for (int i = 0; i < ranked.size() && hits.size() < limit; i++) {
            var e = ranked.get(i);
            Document doc = stored.document(e.getKey());
            hits.add(new Hit(doc.get(ChunkDocuments.ID), UUID.fromString(doc.get(ChunkDocuments.CONVERSATION)), e.getValue()[0],
                    (int) e.getValue()[1], (int) e.getValue()[2], doc));
        }
        return hits;
    }

    private static double best(double[] f) {
        double a = f[1] == 0 ? Double.MAX_VALUE : f[1];
        double b = f[2] == 0 ? Double.MAX_VALUE : f[2];
        return Math.min(a, b);
    }

    /** Conversations in the order of their best chunk. */
    static List<UUID> conversations(List<Hit> hits) {
        Set<UUID> order = new LinkedHashSet<>();
        hits.forEach(h -> order.add(h.conversationId()));
        return List.copyOf(order);
    }
}
