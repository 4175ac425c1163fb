package io.verbatim.analysis.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoundsLikeTest {

    private static Sentence sentence(String text) {
        return new Sentence(0, 0, 0, Speaker.AGENT, 0, text, Normalizer.fold(text), Normalizer.words(text), ".");
    }

    @Test
    void aScriptedLineMisheardWhereTheEngineWasUnsureStillMatches() {
        Sentence s = sentence("thanks for coal and comfort rotate 'em and they're this is tyler");
        assertThat(SoundsLike.heard(s, "thanks for calling", 0.2, Set.of("coal", "and"))).isTrue();
    }

    @Test
    void wordsTheEngineWasSureOfAreTakenAsSaid() {
        Sentence s = sentence("thanks for coal and comfort rotate 'em and they're this is tyler");
        assertThat(SoundsLike.heard(s, "thanks for calling", 0.2, Set.of())).isFalse();
        assertThat(SoundsLike.heard(s, "thanks for calling", 0.2, Set.of("tyler"))).isFalse();
    }

    @Test
    void differentWordsDoNotMatchAndShortPhrasesAreNeverFuzzy() {
        assertThat(SoundsLike.heard(sentence("the furnace is making a banging noise"), "thank you for calling", 0.2,
                Set.of("furnace", "banging"))).isFalse();
        assertThat(SoundsLike.heard(sentence("hay there"), "hey", 0.5, Set.of("hay"))).isFalse();
    }

    @Test
    void boundedEditDistance() {
        assertThat(SoundsLike.distance("TNKSFRKLNK", "TNKSFRKLANT", 3)).isEqualTo(2);
        assertThat(SoundsLike.distance("ABCDEFGH", "ZYXWVUTS", 2)).isEqualTo(3);
    }
}
