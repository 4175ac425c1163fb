package io.verbatim.ask.internal;

/**
 * Whether a passage found for a question is relevant enough to answer from, for one embedding model: a passage only the
 * vector search found needs cosine {@code vectorFloor}; one BM25 found needs {@code textFloor} and to hold {@code coverage}
 * of the question's subject (IDF-weighted share of its terms, {@link HybridSearcher#coverage}).
 */
record AnswerGate(double vectorFloor, double textFloor, double coverage) {

    boolean admits(HybridSearcher.Hit hit) {
        if (Double.isNaN(hit.similarity())) {
            return hit.bm25Rank() > 0 && hit.coverage() >= coverage; // no vector for the question (BM25 only)
        }
        return hit.bm25Rank() > 0 ? hit.similarity() >= textFloor && hit.coverage() >= coverage : hit.similarity() >= vectorFloor;
    }
}
