package io.verbatim.analysis.internal.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The compound scores the reference implementation documents (vaderSentiment README, "Output for the above example code"). */
class VaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "VADER is smart, handsome, and funny.|0.8316",
            "VADER is smart, handsome, and funny!|0.8439",
            "VADER is very smart, handsome, and funny.|0.8545",
            "VADER is VERY SMART, handsome, and FUNNY.|0.9227",
            "VADER is VERY SMART, handsome, and FUNNY!!!|0.9342",
            "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!|0.9469",
            "VADER is not smart, handsome, nor funny.|-0.7424",
            "The book was good.|0.4404",
            "At least it isn't a horrible book.|0.431",
            "The book was only kind of good.|0.3832",
            "The plot was good, but the characters are uncompelling and the dialog is not great.|-0.7042",
            "Today SUX!|-0.5461",
            "Today only kinda sux! But I'll get by, lol|0.5249",
            "Make sure you :) or :D today!|0.8633",
            "Not bad at all|0.431"})
    void matchesTheReferenceImplementationsDocumentedScores(String sentence, double expected) {
        assertThat(Vader.compound(sentence)).isCloseTo(expected, within(0.00005));
    }

    @Test
    void aSentenceWithoutSentimentWordsScoresZero() {
        assertThat(Vader.compound("The appointment is on Tuesday at nine.")).isZero();
        assertThat(Vader.compound("   ")).isZero();
    }

    @Test
    void tokensLoseOuterPunctuationUnlessTheyAreEmoticons() {
        assertThat(Vader.stripPunctuation("good.")).isEqualTo("good");
        assertThat(Vader.stripPunctuation(":)")).isEqualTo(":)");
        assertThat(Vader.isUpper("SUX")).isTrue();
        assertThat(Vader.isUpper(":D")).isTrue();
        assertThat(Vader.isUpper(":)")).isFalse();
    }
}
