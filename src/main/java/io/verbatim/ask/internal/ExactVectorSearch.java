package io.verbatim.ask.internal;

import java.io.IOException;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The exact nearest vectors among the documents a filter matches: every matching document's vector is compared
 * (SIMD dot products). When a caller may read a small part of the index (one or a few collections, one agent's
 * calls), this is much cheaper than the filtered HNSW search, which must walk a graph mostly made of documents the
 * filter rejects before it finds {@code k} it accepts (measured on 149,000 passages: 0.8 ms against 22 ms for a
 * 2,000-passage collection; about even at 10,000). Scores are the field similarity's ({@code DOT_PRODUCT}:
 * {@code (1 + dot) / 2}), as the graph search gives them, so fusion treats both alike.
 */
final class ExactVectorSearch {

    private ExactVectorSearch() {
    }

    static ScoreDoc[] search(IndexSearcher searcher, String field, float[] vector, Query filter, int k) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        PriorityQueue<ScoreDoc> top = new PriorityQueue<>(k + 1, (a, b) -> a.score != b.score ? Float.compare(a.score, b.score)
                : Integer.compare(b.doc, a.doc)); // the worst on top: lowest score, then the later document
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
            if (scorer == null || values == null) {
                continue;
            }
            // The codec's own scorer: SIMD over the vectors where they lie (off-heap), the similarity's score.
            VectorScorer vectors = values.scorer(vector);
            if (vectors == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator withVector = vectors.iterator();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (withVector.docID() < doc && withVector.advance(doc) == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                if (withVector.docID() != doc) {
                    continue;
                }
                float score = vectors.score();
                if (top.size() < k) {
                    top.add(new ScoreDoc(leaf.docBase + doc, score));
                } else if (score > top.peek().score) {
                    top.poll();
                    top.add(new ScoreDoc(leaf.docBase + doc, score));
                }
            }
        }
        ScoreDoc[] out = new ScoreDoc[top.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = top.poll();
        }
        return out;
    }
}
