package io.verbatim.analysis.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recognised speech: expected phrases found by sound, sentences found by pauses. */
class SoundAlikeTest {

    private static boolean sounds(String sentence, String phrase) {
        return SoundAlike.contains(Normalizer.words(sentence), Normalizer.phrase(phrase));
    }

    @Test
    void aPhraseTheEngineHeardAsOtherWordsStillMatches() {
        // What the embedded engine wrote for "Thanks for calling ComfortPro, this is Tyler".
        assertThat(sounds("thanks for coal and comfort rotate 'em and they're this is tyler", "thanks for calling")).isTrue();
        assertThat(sounds("we can definitely send a technician and it gets waved", "waived")).isTrue();
        assertThat(sounds("my name is tiler", "tyler")).isTrue();
    }

    @Test
    void unrelatedWordsAndShortKeysDoNotMatchLoosely() {
        assertThat(sounds("i'd like to check my balance please", "thanks for calling")).isFalse();
        assertThat(sounds("this is korea", "priya")).isFalse();
        assertThat(sounds("we open at nine tomorrow", "no charge")).isFalse();
        assertThat(sounds("high there", "hi")).isTrue();
        assertThat(sounds("hit there", "hi")).isFalse();
    }

    @Test
    void approximateSubstringDistanceIsTheFewestEditsToAnyStretch() {
        assertThat(SoundAlike.bestSubstringDistance("KLNK", "0NKSFRKLANTKMFRT")).isEqualTo(2);
        assertThat(SoundAlike.bestSubstringDistance("ABC", "XXABCXX")).isZero();
        assertThat(SoundAlike.bestSubstringDistance("ABC", "")).isEqualTo(3);
    }

    @Test
    void anUnpunctuatedRecognisedTurnIsCutIntoSentencesAtItsPauses() {
        String[] words = "gotcha yeah eighteen years is getting up there how big is the house roughly".split(" ");
        List<Word> timed = new ArrayList<>();
        double t = 0;
        for (String w : words) {
            double pause = w.equals("yeah") || w.equals("how") ? 0.7 : 0.05;
            t += pause;
            timed.add(new Word(w, t, t + 0.2, 0.9));
            t += 0.2;
        }
        Turn turn = new Turn(Speaker.AGENT, "agent", 0, 0, t, String.join(" ", words), timed, 0.9);
        ConversationText text = new ConversationText(new Transcript("en-US", "pocketsphinx", t, List.of(turn), true));
        assertThat(text.sentences()).extracting(Sentence::text)
                .containsExactly("gotcha", "yeah eighteen years is getting up there", "how big is the house roughly");
        assertThat(text.spoken()).isTrue();
        // A typed turn keeps its punctuation-based sentences and is not "spoken".
        Turn typed = new Turn(Speaker.AGENT, "agent", 0, 0, t, "Gotcha. How big is the house?", timed, 0.9);
        ConversationText typedText = new ConversationText(new Transcript("en-US", "import", t, List.of(typed), true));
        assertThat(typedText.sentences()).hasSize(2);
        assertThat(typedText.spoken()).isFalse();
    }
}
