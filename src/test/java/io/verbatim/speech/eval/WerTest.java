package io.verbatim.speech.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WerTest {

    @Test
    void normalisesLikeTheReadme() {
        assertThat(Wer.normalise("Hi, I'm calling at 2:40 p.m. -- um, with Dr. O'Donnell's twenty-two OK?"))
                .containsExactly("hi", "i'm", "calling", "at", "two", "forty", "p", "m", "with", "doctor", "o'donnell's",
                        "twenty", "two", "okay");
        assertThat(Wer.cardinal(1970)).isEqualTo("one thousand nine hundred seventy");
    }

    @Test
    void countsSubstitutionsDeletionsAndInsertions() {
        Wer.Score s = Wer.score("ask not what your country can do for you", "ask what your country can do for you too");
        assertThat(s.errors()).isEqualTo(2);
        assertThat(s.refWords()).isEqualTo(9);
        assertThat(s.wer()).isCloseTo(2 / 9.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Wer.score("a b c", "x b").errors()).isEqualTo(2);
    }
}
