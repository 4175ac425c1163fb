package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.speech.Transcript;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A lead with a real need and no booking is warm, unless the customer says, in any words, that it is not for now:
 * then cold, with that sentence as the evidence (the cue is matched by meaning, {@code IntentCues}).
 */
class LeadQualificationTest {

    private final Analyst analyst = new Analyst();
    private final ConversationAttributes csrLine = new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of("csr"), "Dana");

    private static Transcript call(String notNow) {
        return Calls.of(
                "agent", 0, 4, "Thanks for calling Northside Windows, this is Dana, how can I help?",
                "customer", 4.5, 12, "Hi, I'm interested in replacing the windows on the back of the house. How much does that usually run?",
                "agent", 12.5, 20, "It depends on the size, but most of our double-hung windows come to about six hundred dollars each installed.",
                "customer", 20.5, 28, "Okay. " + notNow,
                "agent", 28.5, 34, "Understood. I can send you our brochure with the prices so you have it.",
                "customer", 34.5, 38, "Sure, that works. Thanks.",
                "agent", 38.5, 41, "You're welcome, have a great day.");
    }

    @Test
    void aNeedWithoutABookingIsWarm() {
        AnalysisResult r = analyst.analyse(call("Let me talk it over with my wife and I'll call you back."), csrLine, null, null);
        assertThat(r.outcomes().qualification()).isEqualTo(Qualification.WARM);
    }

    @Test
    void notForNowInWordsNoListHasMakesItCold() {
        String notNow = "It is not something we can take on this year.";
        AnalysisResult r = analyst.analyse(call(notNow), csrLine, null, null);
        assertThat(r.outcomes().qualification()).isEqualTo(Qualification.COLD);
    }
}
