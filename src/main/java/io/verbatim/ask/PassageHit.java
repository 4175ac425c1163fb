package io.verbatim.ask;

import java.util.Map;
import java.util.UUID;

/**
 * A passage found, best first.
 *
 * @param passageId  {@code <source id>:<n>}, stable for a source version
 * @param seq        0-based position of the passage in its source
 * @param page       the document page, or null
 * @param second     the conversation second, or null
 * @param quote      a short excerpt of the passage around the query's words
 * @param text       the whole passage
 * @param score      fused rank score (reciprocal rank fusion of BM25 and vector search; higher is better)
 * @param similarity MiniLM's cosine between the query and the passage (what the answer gate judged: with the static
 *                   index, of the passage's window around the query's words), NaN when not computed (a word match
 *                   covering too little of the query fails without it)
 * @param answers    close enough to the query to answer from (the answer gate, on MiniLM's cosine whatever model indexes
 *                   and ranks); a list without any such
 *                   passage means the library does not answer the question
 */
public record PassageHit(SourceKind kind, UUID sourceId, String passageId, int seq, Integer page, Double second, String speaker,
                         String quote, String text, double score, double similarity, boolean answers,
                         Map<String, String> metadata) {
}
