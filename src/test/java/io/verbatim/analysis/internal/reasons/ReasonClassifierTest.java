package io.verbatim.analysis.internal.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.CallReason;
import io.verbatim.analysis.CallReasonDefinition;
import io.verbatim.analysis.Calls;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tenant-taxonomy classifier on the real MiniLM model. */
class ReasonClassifierTest {

    private static ReasonClassifier classifier;

    private static final List<CallReasonDefinition> BANK = List.of(key("check_balance"), key("replace_card"),
            key("pay_bill"), key("reset_password"), key("order_checks"));

    @BeforeAll
    static void model() {
        classifier = new ReasonClassifier(new MiniLmEmbedder());
    }

    private static CallReasonDefinition key(String key) {
        return new CallReasonDefinition(key, null, List.of());
    }

    @Test
    void theRequestAfterGreetingsAndANameDecides() {
        ConversationText call = new ConversationText(Calls.of(
                "agent", 0, 4, "Hello, this is Harper Valley bank, how can I help you today?",
                "customer", 4.5, 6, "Hi.",
                "customer", 6.5, 8, "My name is Patricia Brown.",
                "customer", 8.5, 11, "I lost my debit card, can you send me a new one?",
                "agent", 11.5, 14, "Sure, which card would you like to replace?"));
        CallReason reason = classifier.classify(call, BANK);
        assertThat(reason.category()).isEqualTo("replace_card");
        assertThat(reason.evidence()).isNotEmpty();
    }

    @Test
    void theAnalysisOwnSentenceVectorsGiveTheSameVerdictAsEmbeddingTheOpeningAgain() {
        ConversationText call = new ConversationText(Calls.of(
                "agent", 0, 4, "Hello, this is Harper Valley bank, how can I help you today?",
                "customer", 4.5, 6, "Hi.",
                "customer", 6.5, 11, "I forgot my password and can't get into online banking."));
        MiniLmEmbedder model = new MiniLmEmbedder();
        java.util.Map<Integer, float[]> vectors = new java.util.HashMap<>();
        List<float[]> all = model.embedAll(call.sentences().stream().map(io.verbatim.analysis.internal.text.Sentence::text).toList());
        call.sentences().forEach(s -> vectors.put(s.index(), all.get(s.index())));
        ReasonClassifier.Verdict again = classifier.judge(call, BANK);
        ReasonClassifier.Verdict reused = classifier.judge(call, BANK, s -> vectors.get(s.index()));
        assertThat(reused.reason().category()).isEqualTo(again.reason().category()).isEqualTo("reset_password");
        assertThat(reused.confidence()).isCloseTo(again.confidence(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void aKeysWordsCountLemmatisedAndInCompounds() {
        ConversationText call = new ConversationText(Calls.of(
                "agent", 0, 3, "Good morning, how can I help?",
                "customer", 3.5, 6, "Hi, I need a new checkbook please."));
        assertThat(classifier.classify(call, BANK).category()).isEqualTo("order_checks");
        assertThat(Lemmas.of("ordered checks")).containsExactly("order", "check");
        assertThat(Lemmas.matches(Lemmas.lemma("cheeseburgers"), Lemmas.lemma("burger"))).isTrue();
    }

    @Test
    void examplesTeachWhatTheKeyCannotSay() {
        List<CallReasonDefinition> menu = List.of(key("order_pizza"), key("order_drink"),
                new CallReasonDefinition("order_burger", "a burger or a burger meal", List.of("a big mac meal please", "two whoppers")));
        ConversationText call = new ConversationText(Calls.of("customer", 0, 2, "big mac", "customer", 2.5, 3, "2"));
        assertThat(classifier.classify(call, menu).category()).isEqualTo("order_burger");
    }

    @Test
    void aCallNoReasonFitsIsOther() {
        ConversationText call = new ConversationText(Calls.of(
                "agent", 0, 3, "Thanks for calling, how can I help?",
                "customer", 3.5, 8, "My water heater is leaking all over the garage floor, can someone come out today?"));
        CallReason reason = classifier.classify(call, BANK);
        assertThat(reason.category()).isEqualTo(ReasonClassifier.OTHER);
        assertThat(reason.evidence()).isEmpty();
    }
}
