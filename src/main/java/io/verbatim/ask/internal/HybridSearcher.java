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
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
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
 * lists are fused by weighted reciprocal rank: {@code score(d) = 1 / (k + bm25 rank(d)) + w / (k + vector rank(d))}.
 * RRF needs no score calibration between BM25 and cosine, and a chunk both lists like rises to the top; the vector
 * list's weight {@code w} and {@code k} are the embedding model's ({@link Embedder#vectorWeight}, {@link Embedder#rrfK}).
 */
final class HybridSearcher {

    enum Mode { BM25, VECTOR, HYBRID }

    /**
     * A chunk found; ranks are 1-based, 0 when the list did not contain it; {@code similarity} is the
     * cosine between question and chunk when the vector search found it, else NaN.
     */
    record Hit(String id, UUID conversationId, double score, int bm25Rank, int vectorRank, double similarity, double coverage,
               Document document) {
    }

    private static final int MAX_TERMS = 64;
    /** A chunk BM25 found may be this much less similar to the question than {@code minSimilarity}. */
    static final double BM25_SIMILARITY_SLACK = 0.15;
    /** Words that make a question a question but say nothing about its subject (not searched for). */
    private static final String QUESTION_WORDS_RAW = "how what why when where who whom which do does did can could would "
            + "should shall may might must i you me my we our your he she his her him them us about any some has have had get "
            + "got say says said tell told much many call calls customer customers agent agents conversation conversations "
            + "mention mentions mentioned talk talked ask asked were was been being there";
    private final Analyzer analyzer = TenantIndex.analyzer();
    private final Set<String> questionWords = Set.copyOf(analyse(QUESTION_WORDS_RAW, false, Set.of()));
    private final int candidates;
    private final int rrfK;
    private final double vectorWeight;
    private final double minSimilarity;
    private final int exactBelow;
    private final String vectorField;
    /** Up to this many filtered documents the exact vector search is faster than the graph (and exact). */
    static final int EXACT_BELOW = 5_000;

    /**
     * @param minSimilarity a chunk only the vector search found must be at least this similar (cosine) to the
     *                      question to be returned; 0 keeps every hit (pure ranking, as the evaluation measures it)
     */
    HybridSearcher(int candidates, int rrfK, double minSimilarity) {
        this(candidates, rrfK, minSimilarity, EXACT_BELOW);
    }

    /**
     * @param exactBelow a filter matching fewer documents than this is searched exactly ({@link ExactVectorSearch})
     *                   rather than through the HNSW graph; 0: always the graph
     */
    HybridSearcher(int candidates, int rrfK, double minSimilarity, int exactBelow) {
        this(candidates, rrfK, minSimilarity, exactBelow, ChunkDocuments.VECTOR);
    }

    /** @param vectorField the index field of the question's embedding model ({@link ChunkDocuments#vectorField}) */
    HybridSearcher(int candidates, int rrfK, double minSimilarity, int exactBelow, String vectorField) {
        this(candidates, rrfK, 1.0, minSimilarity, exactBelow, vectorField);
    }

    /** @param vectorWeight the vector list's weight in the fusion, BM25's being 1: {@code score = 1/(k + bm25 rank) + w/(k + vector rank)} */
    HybridSearcher(int candidates, int rrfK, double vectorWeight, double minSimilarity, int exactBelow, String vectorField) {
        this.candidates = candidates;
        this.rrfK = rrfK;
        this.vectorWeight = vectorWeight;
        this.minSimilarity = minSimilarity;
        this.exactBelow = exactBelow;
        this.vectorField = vectorField;
    }

    /** A searcher for questions embedded by {@code embedder}, with the fusion and minimum similarity that model calls for. */
    static HybridSearcher forModel(AskProperties properties, Embedder embedder) {
        return forModel(properties, embedder, embedder.minSimilarity(properties.minSimilarity()));
    }

    /** The same with another minimum similarity (the evaluations measure pure ranking with 0). */
    static HybridSearcher forModel(AskProperties properties, Embedder embedder, double minSimilarity) {
        return new HybridSearcher(properties.candidates(), embedder.rrfK(properties.rrfK()), embedder.vectorWeight(), minSimilarity,
                EXACT_BELOW, ChunkDocuments.vectorField(embedder.modelId()));
    }

    /** The question's subject terms as the index analysed the text (stemmed; stop words and question words removed). */
    List<String> terms(String text) {
        return analyse(text, true, questionWords);
    }

    /** A text's terms as the index analysed it (stemmed, stop words removed). */
    List<String> textTerms(String text) {
        return analyse(text, false, Set.of());
    }

    private List<String> analyse(String text, boolean question, Set<String> skip) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(ChunkDocuments.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && (!question || terms.size() < MAX_TERMS)) {
                String t = term.toString();
                if (!question || !skip.contains(t)) {
                    terms.add(t);
                }
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

    /** Chunks containing every one of {@code all} (analysed) and, when {@code any} is not empty, at least one of those. */
    Query wordsQuery(List<String> all, List<String> any) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean some = false;
        for (String word : all) {
            for (String t : textTerms(word)) {
                b.add(new TermQuery(new Term(ChunkDocuments.TEXT, t)), BooleanClause.Occur.MUST);
                some = true;
            }
        }
        BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
        int n = 0;
        for (String phrase : any) {
            List<String> terms = textTerms(phrase);
            if (terms.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder together = new BooleanQuery.Builder();
            terms.forEach(t -> together.add(new TermQuery(new Term(ChunkDocuments.TEXT, t)), BooleanClause.Occur.MUST));
            alternatives.add(together.build(), BooleanClause.Occur.SHOULD);
            n++;
        }
        if (n > 0) {
            b.add(alternatives.setMinimumNumberShouldMatch(1).build(), BooleanClause.Occur.MUST);
            some = true;
        }
        return some ? b.build() : null;
    }

    /** The distinct conversations with a chunk matching {@code query} under {@code filter}, best first. */
    List<UUID> conversations(IndexSearcher searcher, Query query, Query filter, int max) throws IOException {
        Query q = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
        ScoreDoc[] docs = searcher.search(q, max).scoreDocs;
        Set<UUID> ids = new LinkedHashSet<>();
        var stored = searcher.storedFields();
        for (ScoreDoc d : docs) {
            ids.add(UUID.fromString(stored.document(d.doc, Set.of(ChunkDocuments.CONVERSATION)).get(ChunkDocuments.CONVERSATION)));
        }
        return List.copyOf(ids);
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
            if (exactBelow > 0 && searcher.count(filter) < exactBelow) {
                knn = ExactVectorSearch.search(searcher, vectorField, vector, filter, k);
            } else {
                TopDocs top = searcher.search(new KnnFloatVectorQuery(vectorField, vector, k, filter), k);
                knn = top.scoreDocs;
            }
        }
        Map<Integer, double[]> fused = new HashMap<>(); // doc -> {score, bm25Rank, vectorRank, cosine}
        for (int r = 0; r < bm25.length; r++) {
            double[] f = fused.computeIfAbsent(bm25[r].doc, d -> new double[] {0, 0, 0, Double.NaN});
            f[0] += 1.0 / (rrfK + r + 1);
            f[1] = r + 1;
        }
        for (int r = 0; r < knn.length; r++) {
            double cosine = 2 * knn[r].score - 1; // Lucene scores DOT_PRODUCT as (1 + dot) / 2
            if (cosine < minSimilarity && !fused.containsKey(knn[r].doc)) {
                continue;
            }
            double[] f = fused.computeIfAbsent(knn[r].doc, d -> new double[] {0, 0, 0, Double.NaN});
            f[0] += vectorWeight / (rrfK + r + 1);
            f[2] = r + 1;
            f[3] = cosine;
        }
        List<Map.Entry<Integer, double[]>> ranked = new ArrayList<>(fused.entrySet());
        ranked.sort(Comparator.<Map.Entry<Integer, double[]>>comparingDouble(e -> -e.getValue()[0])
                .thenComparingDouble(e -> best(e.getValue())));
        List<Hit> hits = new ArrayList<>(Math.min(limit, ranked.size()));
        var stored = searcher.storedFields();
        List<String> questionTerms = terms(question);
        double[] idf = idf(searcher, questionTerms); // once per question, not per hit
        for (int i = 0; i < ranked.size() && hits.size() < limit; i++) {
            var e = ranked.get(i);
            double similarity = e.getValue()[3];
            if (Double.isNaN(similarity) && vector != null) {
                similarity = similarity(searcher, e.getKey(), vector);
            }
            if (mode == Mode.HYBRID && vector != null && similarity < minSimilarity - BM25_SIMILARITY_SLACK) {
                continue; // a word match with nothing of the question's meaning ("make", "today")
            }
            Document doc = stored.document(e.getKey());
            hits.add(new Hit(doc.get(ChunkDocuments.ID), UUID.fromString(doc.get(PassageDocuments.SOURCE_ID)), e.getValue()[0],
                    (int) e.getValue()[1], (int) e.getValue()[2], similarity, coverage(questionTerms, idf, doc.get(ChunkDocuments.TEXT)), doc));
        }
        return hits;
    }

    /** The cosine between {@code vector} and a document's stored vector. */
    double similarity(IndexSearcher searcher, int doc, float[] vector) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(vectorField);
        if (values == null) {
            return Double.NaN;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            return Double.NaN;
        }
        float[] v = values.vectorValue(it.index());
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * vector[i];
        }
        return dot;
    }

    /**
     * How much of the question's subject the passage holds: the IDF-weighted share of the question's terms it contains
     * (IDF as BM25's over this index; a term no passage holds weighs most). Independent of the embedding model.
     */
    double coverage(List<String> questionTerms, double[] idf, String text) {
        if (questionTerms.isEmpty() || text == null) {
            return 0;
        }
        Set<String> present = new java.util.HashSet<>(textTerms(text));
        double all = 0;
        double held = 0;
        for (int i = 0; i < questionTerms.size(); i++) {
            all += idf[i];
            held += present.contains(questionTerms.get(i)) ? idf[i] : 0;
        }
        return all == 0 ? 0 : held / all;
    }

    /** BM25's IDF of each question term over this index (a term no passage holds weighs most). */
    private static double[] idf(IndexSearcher searcher, List<String> questionTerms) throws IOException {
        int n = searcher.getIndexReader().numDocs();
        double[] idf = new double[questionTerms.size()];
        for (int i = 0; i < idf.length; i++) {
            int df = searcher.getIndexReader().docFreq(new Term(ChunkDocuments.TEXT, questionTerms.get(i)));
            idf[i] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        return idf;
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
