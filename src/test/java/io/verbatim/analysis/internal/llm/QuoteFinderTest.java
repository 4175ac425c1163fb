package io.verbatim.analysis.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.Calls;
import io.verbatim.speech.Transcript;
import org.junit.jupiter.api.Test;

/** A cited quote counts only when its words occur, whole and in order, in one turn; case, spacing and punctuation do not matter. */
class QuoteFinderTest {

    private final Transcript call = Calls.of(
            "agent", 0, 4, "Thanks for calling ComfortPro, this is Tyler. What can I do for you?",
            "customer", 4.5, 10, "Sixteen thousand?   Oh my god — that's a lot.",
            "agent", 10.5, 20, "I'm so sorry to hear that.");
    private final QuoteFinder quotes = new QuoteFinder(call);

    @Test
    void trivialDifferencesAreIgnored() {
        assertThat(quotes.find("sixteen thousand, oh my GOD", 1)).get().satisfies(e -> {
            assertThat(e.turn()).isEqualTo(1);
            assertThat(e.start()).isEqualTo(4.5);
            assertThat(e.quote()).isEqualTo("Sixteen thousand?   Oh my god"); // the transcript's own characters
        });
        assertThat(quotes.find("Oh my god... that's a lot!", 1)).isPresent();
        assertThat(quotes.find("I\u2019m so sorry", 2)).get().satisfies(e -> assertThat(e.quote()).isEqualTo("I'm so sorry"));
        assertThat(quotes.find("that's a lot", 1)).get().satisfies(e -> assertThat(e.start()).isBetween(7.0, 10.0));
    }

    @Test
    void aMiscountedTurnIsCorrectedButInventedWordsAreNot() {
        assertThat(quotes.find("this is Tyler", 2)).get().satisfies(e -> assertThat(e.turn()).isZero());
        assertThat(quotes.find("this is Tyler speaking", 0)).isEmpty();
        assertThat(quotes.find("Tyl", 0)).isEmpty();
        assertThat(quotes.find("that's a lot. I'm so sorry", null)).isEmpty(); // spans two turns
        assertThat(quotes.find(" ... ", 0)).isEmpty();
        assertThat(quotes.find(null, 0)).isEmpty();
    }
}
