package io.verbatim.analysis.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.Calls;
import io.verbatim.analysis.Condition;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.Scope;
import io.verbatim.analysis.SpeakerScope;
import io.verbatim.analysis.Window;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.speech.Transcript;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static SentenceEmbedder embedder;

    private static final Transcript CALL = Calls.of(
            "agent", 0, 5, "Thank you for calling Harbor Bank, this is Priya. How can I help?",
            "customer", 5.5, 12, "Hi, um, I lost my debit card. I'm really worried somebody used it.",
            "agent", 12.5, 20, "Oh no, I'm so sorry, that's stressful. To verify your identity, what's your date of birth?",
            "customer", 20.5, 23, "March fourth, nineteen eighty-seven.",
            "agent", 23.5, 30, "Thanks. I see the card on the account and I've blocked it.",
            "customer", 29, 33, "Great, can you—",
            "agent", 32, 40, "Is there anything else? Have a great day!");

    @BeforeAll
    static void model() {
        embedder = new MiniLmEmbedder();
    }

    private RuleEvaluator rules(Transcript t, Map<String, Condition> library) {
        return new RuleEvaluator(new ConversationText(t),
                new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of("support"), "Priya Raman"), library, embedder);
    }

    private static List<Integer> turns(Match m) {
        return m.hits().stream().map(Sentence::turn).toList();
    }

    private static Scope scope(SpeakerScope who, Window w, String... exclude) {
        return new Scope(who, w, List.of(exclude), List.of());
    }

    @Test
    void phraseAnyAndAllMatchWholeWordsOnFoldedText() {
        RuleEvaluator r = rules(CALL, Map.of());
        assertThat(turns(r.evaluate(new Condition.Phrase(List.of("LOST MY"), null, null)))).containsExactly(1);
        assertThat(r.evaluate(new Condition.Phrase(List.of("lost m"), null, null)).met()).isFalse();
        Match all = r.evaluate(new Condition.Phrase(null, List.of("verify", "date of birth"), Scope.of(SpeakerScope.AGENT)));
        assertThat(turns(all)).containsExactly(2);
        assertThat(r.evaluate(new Condition.Phrase(null, List.of("verify", "blocked"), null)).met()).isFalse();
    }

    @Test
    void speakerScopeWindowsAndExclusions() {
        RuleEvaluator r = rules(CALL, Map.of());
        Condition thanksFirst = new Condition.Phrase(List.of("thank you", "thanks"), null, scope(SpeakerScope.AGENT, Window.firstTurns(1)));
        assertThat(turns(r.evaluate(thanksFirst))).containsExactly(0);
        Condition greatLast = new Condition.Phrase(List.of("great"), null, scope(SpeakerScope.AGENT, Window.lastTurns(1)));
        assertThat(turns(r.evaluate(greatLast))).containsExactly(6);
        Condition greatAnyone = new Condition.Phrase(List.of("great"), null, scope(SpeakerScope.ANY, Window.lastSeconds(12)));
        assertThat(turns(r.evaluate(greatAnyone))).containsExactly(5, 6);
        Condition early = new Condition.Phrase(List.of("card"), null, scope(SpeakerScope.ANY, Window.firstSeconds(10)));
        assertThat(turns(r.evaluate(early))).containsExactly(1);
        Condition excluded = new Condition.Phrase(List.of("card"), null, scope(SpeakerScope.ANY, null, "blocked"));
        assertThat(turns(r.evaluate(excluded))).containsExactly(1);
    }

    @Test
    void regexRunsFoldedUnlessCaseSensitive() {
        RuleEvaluator r = rules(CALL, Map.of());
        assertThat(r.evaluate(new Condition.Regex("this is [a-z]+", false, Scope.of(SpeakerScope.AGENT))).met()).isTrue();
        assertThat(r.evaluate(new Condition.Regex("this is [a-z]+\\.", true, Scope.of(SpeakerScope.AGENT))).met()).isFalse();
        assertThat(r.evaluate(new Condition.Regex("this is [A-Z][a-z]+", true, Scope.of(SpeakerScope.AGENT))).met()).isTrue();
    }

    @Test
    void combinatorsOrderAndCounts() {
        Map<String, Condition> lib = Map.of(
                "verification", new Condition.Phrase(List.of("verify"), null, Scope.of(SpeakerScope.AGENT)),
                "account", new Condition.Phrase(List.of("on the account"), null, Scope.of(SpeakerScope.AGENT)));
        RuleEvaluator r = rules(CALL, lib);
        assertThat(r.evaluate(new Condition.Before(new Condition.Ref("verification"), new Condition.Ref("account"))).met()).isTrue();
        assertThat(r.evaluate(new Condition.Before(new Condition.Ref("account"), new Condition.Ref("verification"))).met()).isFalse();
        assertThat(r.evaluate(new Condition.Not(new Condition.Ref("account"))).met()).isFalse();
        Condition questions = new Condition.Question(Scope.of(SpeakerScope.AGENT));
        assertThat(turns(r.evaluate(questions))).containsExactly(0, 2, 6);
        assertThat(r.evaluate(new Condition.Count(3, questions)).met()).isTrue();
        assertThat(r.evaluate(new Condition.Count(4, questions)).met()).isFalse();
        assertThat(r.evaluate(new Condition.AllOf(List.of(new Condition.Ref("verification"), new Condition.Not(questions)))).met()).isFalse();
        assertThat(turns(r.evaluate(new Condition.AnyOf(List.of(new Condition.Ref("verification"), new Condition.Ref("account"))))))
                .containsExactly(2, 4);
    }

    @Test
    void interruptionsAgentNameAndAttributes() {
        RuleEvaluator r = rules(CALL, Map.of());
        assertThat(turns(r.evaluate(new Condition.Interruption(SpeakerScope.AGENT)))).containsExactly(6);
        assertThat(turns(r.evaluate(new Condition.Interruption(SpeakerScope.CUSTOMER)))).containsExactly(5);
        assertThat(turns(r.evaluate(new Condition.AgentName(new Scope(SpeakerScope.AGENT, Window.firstTurns(1), null, null)))))
                .containsExactly(0);
        assertThat(r.evaluate(new Condition.Attribute(Set.of(Channel.PHONE), Set.of(), Set.of("support"), List.of("en"))).met()).isTrue();
        assertThat(r.evaluate(new Condition.Attribute(Set.of(Channel.VIDEO), Set.of(), Set.of(), List.of())).met()).isFalse();
        assertThat(r.evaluate(new Condition.Attribute(Set.of(), Set.of(), Set.of(), List.of("es"))).met()).isFalse();
    }

    @Test
    void semanticMatchesParaphrasesAboveTheThreshold() {
        RuleEvaluator r = rules(CALL, Map.of());
        Condition empathy = new Condition.Semantic(List.of("I'm sorry, that must be stressful for you."), 0.5, Scope.of(SpeakerScope.AGENT));
        assertThat(turns(r.evaluate(empathy))).containsExactly(2);
        Condition strict = new Condition.Semantic(List.of("I'm sorry, that must be stressful for you."), 0.99, Scope.of(SpeakerScope.AGENT));
        assertThat(r.evaluate(strict).met()).isFalse();
        Condition spanishOnly = new Condition.Semantic(List.of("Lo siento."), 0.1,
                new Scope(SpeakerScope.AGENT, null, null, List.of("es")));
        assertThat(r.evaluate(spanishOnly).met()).isFalse();
    }

    @Test
    void firstNameOfTheAgent() {
        assertThat(RuleEvaluator.firstName("Mia (AI assistant, Luxe Hair Studio)")).isEqualTo("mia");
        assertThat(RuleEvaluator.firstName("Yokasta Peña")).isEqualTo("yokasta");
        assertThat(RuleEvaluator.firstName("Unknown sales associate")).isNull();
        assertThat(RuleEvaluator.firstName(null)).isNull();
    }
}
