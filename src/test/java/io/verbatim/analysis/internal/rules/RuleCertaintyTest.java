package io.verbatim.analysis.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.Calls;
import io.verbatim.analysis.Condition;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.Scope;
import io.verbatim.analysis.SpeakerScope;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Certainty of rule outcomes from the real MiniLM similarities: near the threshold is doubtful, exact rules are not nearness. */
class RuleCertaintyTest {

    private static SentenceEmbedder embedder;
    private static final String SORRY = "I'm so sorry, that must be stressful for you.";

    @BeforeAll
    static void model() {
        embedder = new MiniLmEmbedder();
    }

    private static RuleEvaluator rules(Map<String, Condition> library) {
        return new RuleEvaluator(new ConversationText(Calls.of(
                "agent", 0, 5, "Thank you for calling Harbor Bank, this is Priya.",
                "customer", 5.5, 12, "I lost my debit card and I'm worried.",
                "agent", 12.5, 20, "Oh no, I'm so sorry, that's stressful. Let me block it right away.")),
                new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of(), "Priya"), library, embedder);
    }

    /** The agent's sentence nearest to the example: what a semantic rule's outcome turns on. */
    private static double best(RuleEvaluator r) {
        return r.text().sentences().stream().filter(s -> s.speaker() == io.verbatim.speech.Speaker.AGENT && s.wordCount() >= 3)
                .mapToDouble(s -> r.similarity(s, List.of(SORRY))).max().orElseThrow();
    }

    private static Condition semantic(double threshold) {
        return new Condition.Semantic(List.of(SORRY), threshold, Scope.of(SpeakerScope.AGENT));
    }

    @Test
    void aSemanticOutcomeIsSurerTheFurtherItsBestSentenceIsFromTheThreshold() {
        RuleEvaluator r = rules(Map.of());
        double best = best(r);
        Condition clearlyMet = semantic(best - 0.2);
        Condition justMet = semantic(best - 0.001);
        Condition justMissed = semantic(best + 0.01);
        Condition clearlyMissed = semantic(Math.min(0.99, best + 0.3));
        assertThat(r.evaluate(clearlyMet).met()).isTrue();
        assertThat(r.evaluate(justMet).met()).isTrue();
        assertThat(r.evaluate(justMissed).met()).isFalse();
        assertThat(r.evaluate(clearlyMissed).met()).isFalse();
        assertThat(RuleCertainty.of(clearlyMet, r)).isGreaterThan(0.9);
        assertThat(RuleCertainty.of(justMet, r)).isLessThan(0.6);
        // A failing semantic rule stays doubtful for longer: items are often done in words the examples miss.
        assertThat(RuleCertainty.of(justMissed, r)).isEqualTo(0.5);
        assertThat(RuleCertainty.of(clearlyMissed, r)).isGreaterThan(0.85);
    }

    @Test
    void exactRulesAreNotAMatterOfNearnessAndCombinationsFollowWhatWouldFlipThem() {
        Condition phrase = new Condition.Phrase(List.of("block it"), null, Scope.of(SpeakerScope.AGENT));
        RuleEvaluator r = rules(Map.of("sorry", semantic(0.99)));
        double best = best(r);
        Condition doubtfulMiss = semantic(best + 0.01);
        assertThat(r.evaluate(phrase).met()).isTrue();
        assertThat(RuleCertainty.of(phrase, r)).isEqualTo(RuleCertainty.EXACT);
        // Held by the phrase: the semantic part that failed narrowly cannot flip it.
        Condition either = new Condition.AnyOf(List.of(phrase, doubtfulMiss));
        assertThat(r.evaluate(either).met()).isTrue();
        assertThat(RuleCertainty.of(either, r)).isEqualTo(RuleCertainty.EXACT);
        // Needs both: the narrow miss decides, so the outcome is doubtful.
        Condition both = new Condition.AllOf(List.of(phrase, doubtfulMiss));
        assertThat(r.evaluate(both).met()).isFalse();
        assertThat(RuleCertainty.of(both, r)).isEqualTo(0.5);
        // References resolve through the library.
        Condition ref = new Condition.Ref("sorry");
        r.evaluate(ref);
        assertThat(RuleCertainty.of(ref, r)).isGreaterThan(0.85);
    }
}
