package io.verbatim.analysis.internal.llm;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.LlmJudging;
import io.verbatim.analysis.QaConfig;
import io.verbatim.analysis.Scorecard;
import io.verbatim.speech.Transcript;

/** Runs the {@link LlmJudge} and merges its verdicts ({@link LlmJudgmentMerge}); a failure leaves every built-in value in place. */
public final class LlmJudges {

    private LlmJudges() {
    }

    public static AnalysisResult judge(LlmJudge judge, Transcript transcript, AnalysisResult builtIn, QaConfig qa, String provider) {
        // The scorecard the built-in analyst chose: the LLM judges the same items, so both results compare item by item.
        Scorecard card = builtIn.scorecard() == null ? null : qa.scorecards().stream()
                .filter(c -> c.key().equals(builtIn.scorecard().scorecard())).findFirst().orElse(null);
        try {
            return LlmJudgmentMerge.merge(builtIn, card, judge.judge(transcript, card), provider);
        } catch (RuntimeException e) {
            int attempts = e instanceof LlmJudge.Failed failed ? failed.attempts : 0;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new AnalysisResult(builtIn.language(), builtIn.scorecard(), builtIn.trackers(), builtIn.callReason(),
                    builtIn.objections(), builtIn.actionItems(), builtIn.outcomes(), builtIn.kpis(), builtIn.summary(),
                    builtIn.llm(), builtIn.warnings(), builtIn.judgments(), LlmJudging.failed(provider,
                    message.length() > 500 ? message.substring(0, 500) : message, attempts, LlmJudging.BuiltIn.of(builtIn)));
        }
    }
}
