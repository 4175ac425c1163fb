package io.verbatim.analysis;

import java.util.List;

/**
 * The generative layer's output. On failure {@code status} is "failed" with the reason in
 * {@code error}; the built-in results are unaffected.
 *
 * @param status    "ok" or "failed"
 * @param provider  provider and model that answered ("openai:gpt-4o-mini")
 * @param attempts  calls made (including retries after invalid output)
 */
public record LlmAnalysis(String status, String provider, String summary, String executiveNarrative,
                          List<String> keyPoints, String error, int attempts) {

    public LlmAnalysis {
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
    }

    public static LlmAnalysis failed(String provider, String error, int attempts) {
        return new LlmAnalysis("failed", provider, null, null, List.of(), error, attempts);
    }
}
