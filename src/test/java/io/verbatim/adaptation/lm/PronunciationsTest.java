package io.verbatim.adaptation.lm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PronunciationsTest {

    private final Pronunciations small = Pronunciations.of(Map.of("comfort", "K AH M F ER T", "pro", "P R OW",
            "bright", "B R AY T", "path", "P AE TH", "brig", "B R IH G", "roofin", "R UW F IH N", "summit", "S AH M AH T"));

    @Test
    void soundsLikeSpellingsComeFirst() {
        assertThat(small.guess("summitt", List.of("summit roofin"))).contains("S AH M AH T R UW F IH N");
    }

    @Test
    void compoundsSplitIntoTheFewestDictionaryWords() {
        assertThat(small.guess("comfortpro", List.of())).contains("K AH M F ER T P R OW");
        assertThat(small.guess("brightpath", List.of())).contains("B R AY T P AE TH");
    }

    @Test
    void wordsNoWayCanSayStayUnknown() {
        assertThat(small.guess("xyzzy", List.of("qwv"))).isEmpty();
        assertThat(small.guess("comfort", List.of())).isEmpty(); // one piece: it is a dictionary word, nothing to guess
    }

    @Test
    void theDebianDictionaryLoads() {
        Path dict = Path.of("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict");
        Assumptions.assumeTrue(Files.exists(dict), "pocketsphinx-en-us not installed");
        Pronunciations cmu = Pronunciations.load(dict);
        assertThat(cmu.known("tyler")).isTrue();
        assertThat(cmu.known("comfortpro")).isFalse();
        assertThat(cmu.guess("comfortpro", List.of())).isPresent();
    }
}
