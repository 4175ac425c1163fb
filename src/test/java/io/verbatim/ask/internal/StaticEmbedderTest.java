package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The static embeddings keep the engine's contract: unit vectors, one per text, meaning over words, a field of their own. */
class StaticEmbedderTest {

    private final StaticEmbedder embedder = new StaticEmbedder();

    @Test
    void unitVectorsThatRankRelatedTextAboveUnrelated() {
        float[] question = embedder.embed("How much does it cost to clean the gutters?");
        float[] answer = embedder.embed("Gutter cleaning is 120 dollars per visit for a two-storey house.");
        float[] other = embedder.embed("The licensee may not sublicense the software without written permission.");
        assertThat(question).hasSize(StaticModelDistiller.DIMENSIONS);
        assertThat(embedder.dimensions()).isEqualTo(StaticModelDistiller.DIMENSIONS);
        for (float[] v : List.of(question, answer, other)) {
            assertThat(dot(v, v)).isCloseTo(1.0, Offset.offset(1e-4));
        }
        assertThat(dot(question, answer)).isGreaterThan(dot(question, other) + 0.1);
    }

    @Test
    void batchesEqualSingleTextsAndLongOrEmptyTextsAreHandled() {
        List<String> texts = List.of("Refunds within fourteen days", "", "word ".repeat(2000));
        List<float[]> vectors = embedder.embedAll(texts);
        assertThat(vectors).hasSize(3);
        assertThat(vectors.get(0)).containsExactly(embedder.embed(texts.get(0)));
        assertThat(dot(vectors.get(1), vectors.get(1))).as("no word pieces: still a unit vector").isCloseTo(1.0, Offset.offset(1e-6));
        assertThat(dot(vectors.get(2), vectors.get(2))).isCloseTo(1.0, Offset.offset(1e-4));
    }

    @Test
    void theModelHasItsOwnNameAndIndexField() {
        assertThat(embedder.modelId()).isNotEqualTo(MiniLmEmbedder.MODEL);
        assertThat(ChunkDocuments.vectorField(embedder.modelId())).isNotEqualTo(ChunkDocuments.vectorField(MiniLmEmbedder.MODEL));
        assertThat(ChunkDocuments.vectorField(MiniLmEmbedder.MODEL)).isEqualTo(ChunkDocuments.VECTOR);
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
