package io.verbatim.analysis;

import io.verbatim.analysis.internal.llm.LlmSummarizer;
import io.verbatim.speech.Transcript;

/**
 * The optional generative layer on top of the built-in analysis: abstractive summary, executive
 * narrative and key points from an LLM, as schema-validated JSON (schema:
 * {@code classpath:analysis/llm-analysis.schema.json}), retried on invalid output, map-reduced for long
 * conversations. {@link #generate} never throws: a failure is recorded in the returned
 * {@link LlmAnalysis} and the built-in results stand. Thread-safe.
 */
public final class GenerativeAnalyst {

    private final LlmProvider provider;
    private final int maxAttempts;
    private final int chunkChars;

    public GenerativeAnalyst(LlmProvider provider, int maxAttempts, int chunkChars) {
        this.provider = provider;
        this.maxAttempts = maxAttempts;
        this.chunkChars = chunkChars;
    }

    public static GenerativeAnalyst of(LlmSettings settings) {
        return new GenerativeAnalyst(LlmProviders.create(settings), settings.maxAttempts(), settings.chunkChars());
    }

    public LlmAnalysis generate(Transcript transcript, AnalysisResult builtIn) {
        try {
            return new LlmSummarizer(provider, maxAttempts, chunkChars).run(transcript, builtIn);
        } catch (RuntimeException e) {
            return LlmAnalysis.failed(provider.name(), String.valueOf(e.getMessage()), 0);
        }
    }

    /** The built-in result with the generative layer's output (or failure) attached. */
    public AnalysisResult enrich(Transcript transcript, AnalysisResult builtIn) {
        return builtIn.withLlm(generate(transcript, builtIn));
    }
}
