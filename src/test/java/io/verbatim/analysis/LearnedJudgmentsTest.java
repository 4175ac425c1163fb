package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.speech.Transcript;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The trained judges on conversations written for this test (not in any training or evaluation set): the
 * customer's mood is read from what they say, not from a lexicon word, and pushback is found by meaning.
 */
class LearnedJudgmentsTest {

    private final Analyst analyst = new Analyst();
    private static final ConversationAttributes CSR = new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of("csr"),
            "Dana");
    private static final SentimentSignal NEUTRAL = new SentimentSignal(SentimentSignal.Polarity.NEUTRAL, SentimentSignal.Trend.STEADY,
            0.5, 0.5);

    @Test
    void aCustomerWhoKeepsBeingPutOffEndsNegativeEvenWithoutAngryWords() {
        Transcript t = Calls.of(
                "agent", 0, 4, "Harbor Heating, this is Dana.",
                "customer", 4.5, 12, "Yeah hi, this is the third time I've called about the furnace. Nobody showed up Tuesday either.",
                "agent", 12.5, 16, "Okay. What's the address?",
                "customer", 16.5, 22, "Same as the last two times. It's all in your system, I gave it to two different people.",
                "agent", 22.5, 27, "The earliest we have is next Friday.",
                "customer", 27.5, 34, "Next Friday. So another week with no heat in the house. With a baby. Unbelievable.",
                "agent", 34.5, 37, "That's what we've got.",
                "customer", 37.5, 42, "Forget it. I'll find someone who actually shows up.");
        AnalysisResult r = analyst.analyse(t, CSR, null, NEUTRAL);
        assertThat(r.decision("customer_sentiment").value()).isEqualTo("negative");
    }

    @Test
    void aRelievedCustomerEndsPositive() {
        Transcript t = Calls.of(
                "agent", 0, 5, "Good morning, Harbor Heating, this is Dana, how can I help?",
                "customer", 5.5, 11, "Hi, our furnace stopped this morning and I wasn't sure anyone could come before the weekend.",
                "agent", 11.5, 17, "Oh no, I'm sorry, that's no fun in this cold. I can have a technician there at two today.",
                "customer", 17.5, 22, "Today? Oh that's wonderful, thank you so much.",
                "agent", 22.5, 28, "You're all set for two o'clock, Marco will call you when he's on his way.",
                "customer", 28.5, 33, "You've been so helpful, you really saved our weekend. Thanks Dana!");
        AnalysisResult r = analyst.analyse(t, CSR, null, NEUTRAL);
        assertThat(r.decision("customer_sentiment").value()).isEqualTo("positive");
        assertThat(r.judgment("customer_sentiment").confidence()).isBetween(0.34, 1.0);
    }

    @Test
    void pushbackOnPriceAndASpouseToConsultAreObjectionsAndAPlainQuestionIsNot() {
        Transcript t = Calls.of(
                "agent", 0, 5, "Thanks for calling Summit Roofing, this is Dana.",
                "customer", 5.5, 10, "Hi, how much does a roof inspection cost?",
                "agent", 10.5, 16, "The inspection is free, and a full replacement usually runs twelve to eighteen thousand.",
                "customer", 16.5, 23, "Eighteen thousand? Wow, that's way more than we budgeted for, honestly.",
                "agent", 23.5, 28, "We do have financing. Would you like me to book the free inspection for Thursday?",
                "customer", 28.5, 34, "I'd need to run it by my wife first, she handles all the house stuff.",
                "agent", 34.5, 39, "Of course. I'll email you the financing options so you can look at them together.");
        AnalysisResult r = analyst.analyse(t, CSR, null, NEUTRAL);
        assertThat(r.objections()).extracting(Objection::turn).doesNotContain(1);
        assertThat(r.objections()).anySatisfy(o -> {
            assertThat(o.turn()).isIn(3, 5);
            assertThat(o.category()).isIn(ObjectionCategory.PRICE, ObjectionCategory.DECISION_MAKER);
        });
    }
}
