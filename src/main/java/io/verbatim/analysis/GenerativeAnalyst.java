package io.verbatim.analysis;

import io.verbatim.analysis.internal.llm.LlmJudge;
import io.verbatim.analysis.internal.llm.LlmJudges;
import io.verbatim.analysis.internal.llm.LlmSummarizer;
import io.verbatim.speech.Transcript;

/**
 * The optional generative layer on top of the built-in analysis: the LLM's judgments (which replace the
 * built-in values field by field where valid, see {@link #judge}), then abstractive summary, executive
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

    /**
     * The LLM judges the conversation ({@link LlmJudges}: scorecard items of the scorecard the built-in analyst
     * chose, sentiment and trend, booking status, qualification, objections, action items), the valid judgments
     * replace the built-in values field by field, then the summary and narrative are written from the result.
     * Never throws: with a failing LLM every value stays built-in and the failure is recorded.
     *
     * @param qa the QA config the built-in analysis used (for the chosen scorecard's items)
     */
    public AnalysisResult enrich(Transcript transcript, AnalysisResult builtIn, QaConfig qa) {
        AnalysisResult judged = judge(transcript, builtIn, qa);
        return judged.withLlm(generate(transcript, judged));
    }

    /** The LLM's judgments merged into the built-in result (see {@link #enrich(Transcript, AnalysisResult, QaConfig)}); never throws. */
    public AnalysisResult judge(Transcript transcript, AnalysisResult builtIn, QaConfig qa) {
        // Retried once on invalid output whatever the summary's attempts are: one request carries every judgment.
        return LlmJudges.judge(new LlmJudge(provider, Math.min(2, maxAttempts), 2 * chunkChars), transcript, builtIn,
                qa == null ? QaConfigs.defaults() : qa, provider.name());
    }

    /** The built-in result with the generative layer's output (or failure) attached (summary and narrative only). */
    public AnalysisResult enrich(Transcript transcript, AnalysisResult builtIn) {
        return builtIn.withLlm(generate(transcript, builtIn));
    }
}
