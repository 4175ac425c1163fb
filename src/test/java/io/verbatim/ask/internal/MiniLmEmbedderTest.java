package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's embedder (its own tokenizer call, runs side by side on several threads) gives the vectors LangChain4j's
 * model gives, to rounding: the index holds vectors made by both (passages embedded before a change, questions after),
 * so they must mean the same.
 */
class MiniLmEmbedderTest {

    @Test
    void vectorsAreLangChain4jsForEveryText() {
        List<String> texts = List.of(
                "How long do customers have to ask for a refund?",
                "Customer: My water heater is leaking all over the garage floor. Agent: I'm so sorry, I have a technician who can be "
                        + "there between one and three this afternoon. Does that work for you? Customer: Yes, please, the sooner the better.",
                "Price list",
                "Gutter cleaning costs 120 dollars per visit for a two-storey house; seniors and veterans get ten percent off. "
                        .repeat(4),
                "word ".repeat(700)); // over 512 word pieces: LangChain4j's own path
        MiniLmEmbedder engine = new MiniLmEmbedder();
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<float[]> vectors = engine.embedAll(texts);
        assertThat(vectors).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(TextSegment.from(texts.get(i))).content().vector();
            assertThat(vectors.get(i)).hasSize(MiniLmEmbedder.DIMENSIONS);
            assertThat(dot(vectors.get(i), vectors.get(i))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(dot(vectors.get(i), expected)).as("cosine to the reference for text %d", i).isGreaterThan(0.9999);
        }
        // Different texts stay different, and come back in the order given although they ran on several threads.
        assertThat(dot(vectors.get(0), vectors.get(2))).isLessThan(0.9);
        List<float[]> reversed = engine.embedAll(texts.reversed());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(dot(reversed.get(texts.size() - 1 - i), vectors.get(i))).isGreaterThan(0.9999);
        }
        // One text alone is the same vector as among others.
        assertThat(dot(engine.embed(texts.get(1)), vectors.get(1))).isGreaterThan(0.9999);
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
