package io.verbatim.enrichment.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.PiiType;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes of names, dates and numbers in spoken calls (issue 19, session 13), on sentences written for these tests. */
class PiiSpokenAnswersTest {

    /** Turns alternate agent, customer, agent ... */
    private static List<String> found(PiiType type, String... texts) {
        List<Turn> turns = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < texts.length; i++) {
            Speaker who = i % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER;
            turns.add(new Turn(who, who.wire(), null, t, t + 2, texts[i], List.of(), null));
            t += 3;
        }
        return new PiiDetector().detect(turns, "en-US", null, null).stream()
                .filter(e -> e.type() == type).map(PiiEntity::text).toList();
    }

    @Test
    void aNameBesideItsRoleIsAName() {
        assertThat(found(PiiType.NAME, "Our scheduler, Lusanda, will call you on Monday.")).containsExactly("Lusanda");
        assertThat(found(PiiType.NAME, "I can book you with our mortgage advisor Tavita next week.")).containsExactly("Tavita");
        // once found, the name is a name wherever it appears capitalised
        assertThat(found(PiiType.NAME, "There's a technician, Oskarine, who can come today.", "Great.",
                "So Oskarine will be there at two.")).containsExactly("Oskarine", "Oskarine");
    }

    @Test
    void aRoleBeforeSomethingElseIsNoName() {
        assertThat(found(PiiType.NAME, "Our technician, Monday works best for him.")).isEmpty();
        assertThat(found(PiiType.NAME, "The owner, Harbourline Plumbing, handles that.")).isEmpty();
        assertThat(found(PiiType.NAME, "My son plays football.", "The manager said no.")).isEmpty();
    }

    @Test
    void aDateOfBirthReadAsThreeNumbers() {
        assertThat(found(PiiType.DATE_OF_BIRTH, "And your date of birth?", "Four, twenty-six, seventy-three."))
                .containsExactly("Four, twenty-six, seventy-three");
        assertThat(found(PiiType.DATE_OF_BIRTH, "Can I get your birthday?", "Twelve three nineteen sixty-eight."))
                .containsExactly("Twelve three nineteen sixty-eight");
        assertThat(found(PiiType.DATE_OF_BIRTH, "Delia Marsh. Seven, nine, nineteen fifty-two.")).containsExactly("Seven, nine, nineteen fifty-two");
    }

    @Test
    void threeNumbersWithoutABirthCueAreNoDate() {
        // a count, a time and a price: no birth cue and no adult's four-word year
        assertThat(found(PiiType.DATE_OF_BIRTH, "How many units?", "Four, twenty-six, seventy-three of them.")).isEmpty();
        assertThat(found(PiiType.DATE_OF_BIRTH, "It was two, fifteen, forty dollars each.")).isEmpty();
    }

    @Test
    void theThingAskedForBeatsWhoseItIs() {
        assertThat(found(PiiType.ADDRESS, "And the billing ZIP for that card?", "Nine four one one seven."))
                .containsExactly("Nine four one one seven");
        assertThat(found(PiiType.ADDRESS, "Can you confirm the zip code on the order?", "Three oh two one four."))
                .containsExactly("Three oh two one four");
        // a bare "number" is not the thing: "the number on your card" stays the card's
        assertThat(found(PiiType.ADDRESS, "What's the number on the order?", "Three oh two one four.")).isEmpty();
    }

    @Test
    void aZipAfterAnotherNumbersEndingIsStillAZip() {
        assertThat(found(PiiType.ADDRESS, "Last four of the card and your billing ZIP?",
                "Card ends in four four one two. ZIP is six oh six one three.")).containsExactly("six oh six one three");
    }

    @Test
    void endingAloneMarksTheLastDigits() {
        assertThat(found(PiiType.PHONE, "I'll text the number ending seven two four one, is that right?"))
                .containsExactly("seven two four one");
        assertThat(found(PiiType.CARD_NUMBER, "The refund goes to the card ending nine nine three oh.")).containsExactly("nine nine three oh");
    }
}
