package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.evaluation.TextSimilarity;
import java.util.List;

/** The analyst's own MiniLM embedder as the action-item matcher's similarity, as this evaluation always used. */
final class SemanticSimilarity implements TextSimilarity {

    private final SentenceEmbedder embedder = new MiniLmEmbedder();

    @Override
    public double similarity(String a, String b) {
        return SentenceEmbedder.cosine(embedder.embedExamples(List.of(a)).get(0), embedder.embedExamples(List.of(b)).get(0));
    }
}
