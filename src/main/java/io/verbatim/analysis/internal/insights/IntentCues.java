package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.Condition;
import io.verbatim.analysis.Scope;
import io.verbatim.analysis.SpeakerScope;
import java.util.List;

/**
 * What a customer says when a need is real but not for now (a cold lead): examples of the meaning, matched by sentence
 * embeddings, so that wordings nobody listed ("the budget's tapped till spring", "we'll wait till after the holidays")
 * are found too. Written as general paraphrases, not taken from any labelled call.
 */
public final class IntentCues {

    public static final List<String> NO_NEAR_TERM_INTENT = List.of(
            "we're not planning to do anything this year",
            "maybe next year",
            "I'm just looking around for now",
            "we're just getting some ideas",
            "there's no rush, it's not urgent",
            "I'll wait until after the holidays",
            "we might do it someday down the road",
            "I was just curious what it would cost",
            "it's not in the budget right now",
            "we're not ready to do anything yet");

    /**
     * Cosine at which a customer sentence says it: chosen leave-one-writer-out on the training calls (0.54 in 9 of 10
     * folds; {@code ColdTuning}, docs/analysis-evaluation.md), where the qualification rule would otherwise say warm.
     */
    public static final double THRESHOLD = 0.54;

    /** The cue as a rule over the customer's sentences. */
    public static final Condition NO_NEAR_TERM = new Condition.Semantic(NO_NEAR_TERM_INTENT, THRESHOLD, Scope.of(SpeakerScope.CUSTOMER));

    private IntentCues() {
    }
}
