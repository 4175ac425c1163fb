package io.verbatim.ask.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ask settings ({@code verbatim.ask.*}).
 *
 * @param chunkTokens   target size of a chunk in model tokens (MiniLM was trained on 128 and reads 256 at most;
 *                      on the test calls 128-192 gave the vectors their best ranking)
 * @param maxChunkTokens a chunk never grows beyond this (a longer single turn is split)
 * @param overlapTokens  how much of a chunk's end the next chunk repeats (whole turns)
 * @param candidates    hits taken from each of BM25 and vectors before fusion
 * @param rrfK          the reciprocal-rank-fusion constant: score = sum 1 / (k + rank)
 * @param minSimilarity a chunk only the vector search found is kept when its cosine to the question is at least this
 * @param llm           an OpenAI-compatible chat endpoint; blank base-url = extractive answers only
 */
@ConfigurationProperties("verbatim.ask")
record AskProperties(@DefaultValue("128") int chunkTokens, @DefaultValue("192") int maxChunkTokens,
                     @DefaultValue("32") int overlapTokens, @DefaultValue("50") int candidates,
                     @DefaultValue("60") int rrfK, @DefaultValue("0.3") double minSimilarity,
                     @DefaultValue Llm llm) {

    static AskProperties defaults() {
        return new AskProperties(128, 192, 32, 50, 60, 0.3, new Llm(null, null, "gpt-4o-mini", Duration.ofSeconds(60), 8));
    }

    /**
     * @param baseUrl  e.g. {@code http://localhost:11434/v1} (Ollama), {@code http://vllm:8000/v1}
     * @param apiKey   sent as a bearer token (any value for servers that ignore it)
     * @param model    the model name the server knows
     * @param timeout  per request
     * @param passages how many retrieved passages the model reads
     */
    record Llm(String baseUrl, String apiKey, @DefaultValue("gpt-4o-mini") String model,
               @DefaultValue("60s") Duration timeout, @DefaultValue("8") int passages) {

        boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }
}
