package io.verbatim.ask.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval replica settings ({@code verbatim.retrieval.*}).
 *
 * @param replicaPoll   how often this node looks for changes other nodes committed (its own apply at once); with
 *                      notifications on, only a fallback for one lost while the listening connection was down
 * @param applyBatch    sources applied to the local index per database read while catching up
 * @param notifications whether this node listens for other nodes' changes ({@code LISTEN verbatim_retrieval})
 * @param embeddingModel the engine's embedding model for indexing and ranking calls and documents: {@code static} (the
 *                      default: all-MiniLM-L6-v2's distilled static embeddings, document processing about 1.1-1.3x
 *                      parsing) or {@code minilm} (the network itself: 13-17x parsing, a little better ranking;
 *                      docs/documents.md). Either way chat's answer gate judges on MiniLM's cosine ({@link AnswerJudge}).
 *                      Every node of a cluster must use the same; passages of another model are re-embedded in the
 *                      background after a change
 */
@ConfigurationProperties("verbatim.retrieval")
record RetrievalProperties(@DefaultValue("5s") Duration replicaPoll, @DefaultValue("200") int applyBatch,
                           @DefaultValue("true") boolean notifications, @DefaultValue("static") String embeddingModel) {

    RetrievalProperties {
        if (!embeddingModel.equals("minilm") && !embeddingModel.equals("static")) {
            throw new IllegalArgumentException("verbatim.retrieval.embedding-model must be minilm or static, not " + embeddingModel);
        }
    }
}
