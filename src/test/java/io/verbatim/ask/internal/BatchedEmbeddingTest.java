package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batched embedder (one ONNX run per batch, padded) gives the vectors LangChain4j's one-run-per-text model gives:
 * the index mixes both (passages embedded before the change, questions after), so they must agree.
 */
class BatchedEmbeddingTest {

    @Test
    void batchedVectorsMatchOneRunPerText() {
        List<String> texts = List.of(
                "How long do customers have to ask for a refund?",
                "Customer: My water heater is leaking all over the garage floor. Agent: I'm so sorry, I have a technician who can be "
                        + "there between one and three this afternoon. Does that work for you? Customer: Yes, please, the sooner the better.",
                "Price list",
                "Gutter cleaning costs 120 dollars per visit for a two-storey house; seniors and veterans get ten percent off. "
                        .repeat(4),
                "word ".repeat(700)); // over 512 word pieces: LangChain4j's own path
        MiniLmEmbedder batched = new MiniLmEmbedder();
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<float[]> vectors = batched.embedAll(texts);
        assertThat(vectors).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(TextSegment.from(texts.get(i))).content().vector();
            assertThat(vectors.get(i)).hasSize(MiniLmEmbedder.DIMENSIONS);
            assertThat(dot(vectors.get(i), vectors.get(i))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(dot(vectors.get(i), expected)).as("cosine to the reference for text %d", i).isGreaterThan(0.99);
        }
        // Different texts stay different (the batch did not blur them together).
        assertThat(dot(vectors.get(0), vectors.get(2))).isLessThan(0.9);
        // One text alone is the same vector as in the batch, within quantization noise.
        assertThat(dot(batched.embed(texts.get(1)), vectors.get(1))).isGreaterThan(0.99);
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
