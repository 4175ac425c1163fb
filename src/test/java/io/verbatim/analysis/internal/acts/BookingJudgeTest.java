package io.verbatim.analysis.internal.acts;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.BookingStatus;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.ObjectionCategory;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The booking judgment and the semantic objections on short dialogues written for this test, with the real MiniLM model. */
class BookingJudgeTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void model() {
        embedder = new MiniLmEmbedder();
    }

    @Test
    void anAcceptedOfferThatTheAgentConfirmsIsBooked() {
        var v = judge("A: Thanks for calling, this is Pat. How can I help?",
                "C: Our dishwasher stopped draining and I'd like someone to look at it.",
                "A: I have a technician free on Wednesday afternoon. Would that work for you?",
                "C: Yes, Wednesday is great.",
                "A: Perfect, you're booked for Wednesday between two and four.");
        assertThat(v.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(v.evidence().turn()).isEqualTo(4);
        assertThat(v.confidence()).isGreaterThan(0.6);
    }

    @Test
    void aFailedAttemptAndADeclinedAlternativeIsNotBooked() {
        var v = judge("C: Can you get me a table at the harbor grill for six tonight?",
                "A: Sorry, I wasn't able to make that reservation, they are full tonight. Should I try tomorrow at six?",
                "C: No, don't bother. Thanks anyway.");
        assertThat(v.status()).isEqualTo(BookingStatus.NOT_BOOKED);
    }

    @Test
    void aServiceTheBusinessDoesNotDoIsNotOffered() {
        var v = judge("C: Hi, do you folks repair pool heaters?",
                "A: Ah, unfortunately we don't service pool equipment, only home heating and cooling.",
                "C: Okay, thanks.");
        assertThat(v.status()).isEqualTo(BookingStatus.SERVICE_NOT_OFFERED);
    }

    @Test
    void lowerCaseSpeechWithoutPunctuationStillReadsTheResult() {
        var v = judge("c: i need to move my cleaning to next week",
                "a: sure how about tuesday at ten",
                "c: yeah tuesday works",
                "a: okay i've moved your appointment to tuesday at ten you're all set");
        assertThat(v.status()).isEqualTo(BookingStatus.BOOKED);
    }

    @Test
    void noBookingTalkIsNotABookingConversation() {
        var v = judge("C: I was charged twice for my last bill.", "A: I see the duplicate charge and I've refunded it.",
                "C: Thank you.");
        assertThat(v.status()).isNull();
    }

    @Test
    void aTimeTheCustomerPicksFromTheOfferedOnesIsBookedWithoutAResultWord() {
        var v = judge("A: Lakeside Locks, this is Dana.",
                "C: I'd like the deadbolts on my back door replaced.",
                "A: I have Monday at nine or Thursday at three.",
                "C: Thursday at three, I'm home then.",
                "A: Great, and the address?",
                "C: Twelve Oak Street.",
                "A: Thanks, Reza, Thursday at three at Twelve Oak Street.");
        assertThat(v.status()).isEqualTo(BookingStatus.BOOKED);
    }

    @Test
    void aTimeTakenAfterTheFirstChoiceWasFullIsBooked() {
        var v = judge("C: Can someone come out today? The furnace is blowing cold air.",
                "A: Today is fully booked, I'm sorry. Tomorrow between eight and ten is the first slot.",
                "C: Yes, take it.",
                "A: Done, tomorrow eight to ten.");
        assertThat(v.status()).isEqualTo(BookingStatus.BOOKED);
    }

    @Test
    void aCancelledAppointmentIsNotBooked() {
        var v = judge("C: I need to cancel my cleaning on Friday, we're moving away.",
                "A: Sorry to see you go. I've cancelled your Friday appointment.",
                "C: Thanks.");
        assertThat(v.status()).isEqualTo(BookingStatus.NOT_BOOKED);
    }

    @Test
    void anAgreedCallBackIsNotABooking() {
        var v = judge("C: I'd like to talk to someone about my invoice and maybe an estimate for the patio.",
                "A: The estimator is out today. Would you like me to have her call you back tomorrow morning?",
                "C: Yes, please.",
                "A: Okay, she'll call you back tomorrow morning.");
        assertThat(v.status()).isEqualTo(BookingStatus.NOT_BOOKED);
    }

    @Test
    void anOpeningQuestionAboutTodayIsNoOfferOfATime() {
        var v = judge("A: Welcome in, looking for a new phone today?",
                "C: Just browsing today, thanks.");
        assertThat(v.status()).isNull();
    }

    @Test
    void onABookingLineACallWithoutBookingTalkIsNotBooked() {
        var none = new BookingJudge.Verdict(null, 0.7, "no booking discussed", null);
        assertThat(BookingJudge.onBookingLine(none, true).status()).isEqualTo(BookingStatus.NOT_BOOKED);
        assertThat(BookingJudge.onBookingLine(none, false).status()).isNull();
        var booked = new BookingJudge.Verdict(BookingStatus.BOOKED, 0.9, "agent confirmed the booking", null);
        assertThat(BookingJudge.onBookingLine(booked, true)).isSameAs(booked);
    }

    @Test
    void objectionsByMeaningFindAParaphraseNoRuleLists() {
        ConversationText text = text("A: The full system comes to nineteen thousand dollars installed.",
                "C: Whoa, honestly that is far beyond what we can spend on this right now.",
                "A: We do have financing options.");
        RuleEvaluator rules = new RuleEvaluator(text, ConversationAttributes.unknown(), Map.of(), embedder);
        var found = ObjectionJudge.find(text, rules, List.of());
        assertThat(found).anySatisfy(o -> {
            assertThat(o.turn()).isEqualTo(1);
            assertThat(o.category()).isEqualTo(ObjectionCategory.PRICE);
        });
        assertThat(found).noneMatch(o -> o.turn() != 1);
    }

    private static BookingJudge.Verdict judge(String... lines) {
        ConversationText text = text(lines);
        RuleEvaluator rules = new RuleEvaluator(text, ConversationAttributes.unknown(), Map.of(), embedder);
        return BookingJudge.judge(text, DialogueActs.tag(text, rules, DialogueActs.Settings.DEFAULT));
    }

    private static ConversationText text(String... lines) {
        List<Turn> turns = new ArrayList<>();
        double t = 0;
        for (String line : lines) {
            Speaker who = Character.toLowerCase(line.charAt(0)) == 'a' ? Speaker.AGENT : Speaker.CUSTOMER;
            String words = line.substring(3);
            double end = t + words.split(" ").length / 2.5;
            turns.add(new Turn(who, who.wire(), null, t, end, words, List.of(), null));
            t = end + 0.5;
        }
        return new ConversationText(new Transcript("en-US", "test", t, turns, true));
    }
}
