package io.verbatim.enrichment.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.PiiType;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cues that carry chats and transcripts where the agent's question is missing, on sentences written for these tests. */
class PiiChatCuesTest {

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
    void anAddressAfterTheWordAddressRunsToTheEndOfTheClause() {
        assertThat(found(PiiType.ADDRESS, "my address is harbour view leeds and my number is 5550192"))
                .containsExactly("harbour view leeds");
        assertThat(found(PiiType.ADDRESS, "send it to address 14 quarry lane hexham nb 4521")).containsExactly("14 quarry lane hexham nb 4521");
        assertThat(found(PiiType.ADDRESS, "i want to change my address", "the address is on file already",
                "address please")).isEmpty();
    }

    @Test
    void aLetterCodeBeforeEightOrNineDigitsIsAPolicyNumber() {
        assertThat(found(PiiType.ACCOUNT_NUMBER, "sure its qzt 481516234")).containsExactly("qzt 481516234");
        assertThat(found(PiiType.ACCOUNT_NUMBER, "it is 48151623", "the total is 48151623")).isEmpty();
    }

    @Test
    void fourDigitsGivenAloneAreTheLastFourOfTheSocial() {
        assertThat(found(PiiType.NATIONAL_ID, "lena marsh 7293")).containsExactly("7293");
        assertThat(found(PiiType.NATIONAL_ID, "2019", "i need 3 of them by 4471", "we close at 1730 on friday every week")).isEmpty();
        // while a phone number is being read out, four more digits are its rest
        assertThat(found(PiiType.NATIONAL_ID, "my cell is 555 201", "7293")).isEmpty();
    }
}
