package io.verbatim.ask.internal;

/**
 * Whether a passage found for a question is relevant enough to answer from, for one embedding model: a passage only the
 * vector search found needs cosine {@code vectorFloor}; one BM25 found needs {@code textFloor} and to hold {@code coverage}
 * of the question's subject (IDF-weighted share of its terms, {@link HybridSearcher#coverage}).
 */
record AnswerGate(double vectorFloor, double textFloor, double coverage) {

    boolean admits(HybridSearcher.Hit hit) {
        return admits(hit.bm25Rank(), hit.similarity(), hit.coverage());
    }

    /** The same for a hit judged on another cosine than the search's ({@link AnswerJudge}). */
    boolean admits(int bm25Rank, double similarity, double coverage) {
        if (Double.isNaN(similarity)) {
            return bm25Rank > 0 && coverage >= this.coverage; // no vector for the question (BM25 only)
        }
        return bm25Rank > 0 ? similarity >= textFloor && coverage >= this.coverage : similarity >= vectorFloor;
    }
}
