package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import java.util.List;
import java.util.Optional;

/**
 * Which side of a transcript whose roles were guessed (one audio channel: the engine splits turns by voice or pause
 * and calls the first voice the agent) speaks like the agent. A walk-in customer, or the callee of an outbound call,
 * speaks first, and then every agent rule reads the customer. A small trained classifier over the mean of a side's
 * sentence vectors ({@code scripts/bench.sh train-roles}, trained on the written training calls) says how agent-like
 * each side is; when the side labelled customer is clearly the more agent-like, the roles are swapped before analysis.
 */
public final class SpeakerRoles {

    public static final String FEATURES = "side-sentence-mean-384";
    public static final List<String> CLASSES = List.of("agent", "customer");
    /**
     * The labelled agent side must be less agent-like than the customer side by more than this (P(agent), 0-1) to swap.
     * 0: on the sets not trained on, the classifier's sign is right for 0.87-1.00 of calls, but its size shrinks out of
     * domain (bank calls, appointment dialogues), so any margin leaves most inverted calls unswapped there
     * ({@code scripts/bench.sh train-roles}, docs/analysis-evaluation.md "Speaker roles on one channel").
     */
    public static final double MARGIN = 0;

    private static final class Holder {
        static final Optional<LinearModel> MODEL = LinearModel.load("speaker-roles", FEATURES);
    }

    private SpeakerRoles() {
    }

    /** The mean of {@code who}'s sentence vectors; zeros for none. */
    public static double[] side(ConversationText text, RuleEvaluator rules, Speaker who) {
        return Pooling.mean(rules, text.sentences().stream().filter(s -> s.speaker() == who).toList());
    }

    /** P(agent) of the labelled agent side minus that of the labelled customer side; NaN without a model or a side. */
    public static double agentLead(LinearModel model, ConversationText text, RuleEvaluator rules) {
        boolean both = text.sentences().stream().anyMatch(s -> s.speaker() == Speaker.AGENT)
                && text.sentences().stream().anyMatch(s -> s.speaker() == Speaker.CUSTOMER);
        if (!both) {
            return Double.NaN;
        }
        return model.probabilities(side(text, rules, Speaker.AGENT))[0] - model.probabilities(side(text, rules, Speaker.CUSTOMER))[0];
    }

    /** Whether the guessed roles are the wrong way round (never for a transcript whose roles came from its channels). */
    public static boolean inverted(Transcript transcript, ConversationText text, RuleEvaluator rules) {
        if (transcript.rolesConfident() || Holder.MODEL.isEmpty()) {
            return false;
        }
        return agentLead(Holder.MODEL.get(), text, rules) < -MARGIN;
    }

    /** The transcript with agent and customer exchanged on every turn. */
    public static Transcript swapped(Transcript t) {
        return new Transcript(t.language(), t.source(), t.durationSeconds(),
                t.turns().stream().map(turn -> turn.withSpeaker(turn.speaker() == Speaker.AGENT || turn.speaker() == Speaker.CUSTOMER
                        ? turn.speaker().other() : turn.speaker())).toList(), t.rolesConfident());
    }
}
