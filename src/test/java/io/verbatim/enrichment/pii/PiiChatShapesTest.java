package io.verbatim.enrichment.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.PiiType;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes of values in one-sided lower-case chats (issue 19, session 11), on sentences written for these tests. */
class PiiChatShapesTest {

    private static List<String> found(PiiType type, String... customerTurns) {
        List<Turn> turns = new ArrayList<>();
        double t = 0;
        for (String text : customerTurns) {
            turns.add(new Turn(Speaker.CUSTOMER, Speaker.CUSTOMER.wire(), null, t, t + 2, text, List.of(), null));
            t += 3;
        }
        return new PiiDetector().detect(turns, "en-US", null, null).stream()
                .filter(e -> e.type() == type).map(PiiEntity::text).toList();
    }

    @Test
    void nineOrElevenBareDigitsAreAPhoneUnlessTheChatIsAboutIds() {
        assertThat(found(PiiType.PHONE, "one large veggie pizza", "418207395")).containsExactly("418207395");
        assertThat(found(PiiType.PHONE, "hi", "harlow kingsway street 74120385961")).containsExactly("74120385961");
        // nine digits in a chat that names the social: may be the SSN, not a phone
        assertThat(found(PiiType.PHONE, "i need to check my ssn details", "418207395")).isEmpty();
    }

    @Test
    void sixteenDigitsInAnyGroupingAreACard() {
        assertThat(found(PiiType.CARD_NUMBER, "51208 84471 209366")).containsExactly("51208 84471 209366");
        assertThat(found(PiiType.CARD_NUMBER, "it is 512088447120936")).isEmpty();
    }

    @Test
    void aWholeMessageThatIsAStreetIsAnAddress() {
        assertThat(found(PiiType.ADDRESS, "pizza please", "tarvin kingsway road bristol")).containsExactly("tarvin kingsway road bristol");
        assertThat(found(PiiType.ADDRESS, "no 12 mill gate ls 04")).containsExactly("no 12 mill gate ls 04");
        assertThat(found(PiiType.ADDRESS, "72 leela nagarpune")).containsExactly("72 leela nagarpune");
        assertThat(found(PiiType.ADDRESS, "take the main road", "which gate", "it was june 21 st 2019")).isEmpty();
    }

    @Test
    void aNameBeforeItsIdButNotAnAnswerAfterTheName() {
        assertThat(found(PiiType.NAME, "tamsir and 4410")).containsExactly("tamsir");
        assertThat(found(PiiType.NAME, "tamsir", "espresso")).containsExactly("tamsir");
        assertThat(found(PiiType.NAME, "hi", "thankss")).isEmpty();
        // a code and three digits is no name and no ID
        assertThat(found(PiiType.NAME, "ves 408")).isEmpty();
    }

    @Test
    void threeDigitsAloneAreNoId() {
        // an SSN's last four typed a digit short: a typing slip of one data set's chats (three tuned chats in session 12),
        // not a shape of how people give IDs; a house number, a table or an amount typed alone would read as an SSN
        assertThat(found(PiiType.NATIONAL_ID, "i lost my credit card", "myself anil", "417")).isEmpty();
        assertThat(found(PiiType.NATIONAL_ID, "one burger", "417")).isEmpty();
    }

    @Test
    void aListedNameAfterAnArticleIsTheWord() {
        assertThat(found(PiiType.NAME, "the true story of bertram is that the riff is great")).containsExactly("bertram");
    }
}
