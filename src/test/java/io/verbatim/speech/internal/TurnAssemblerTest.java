package io.verbatim.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnAssemblerTest {

    /** An utterance of one word per 0.5 s from {@code start}. */
    private static Utterance say(int channel, double start, String text, double confidence) {
        List<Word> words = new ArrayList<>();
        double t = start;
        for (String w : text.split(" ")) {
            words.add(new Word(w, t, t + 0.4, confidence));
            t += 0.5;
        }
        return Utterance.ofWords(channel, words);
    }

    @Test
    void stereoMergesAChannelsUtterancesUntilTheOtherSpeaks() {
        Transcript t = TurnAssembler.assemble("en-US", "test", 20, 2, List.of(
                say(1, 6.0, "yes please", 0.5),
                say(0, 0.0, "hello how", 1.0),
                say(0, 1.5, "can i help", 0.5),       // 0.6 s pause: same turn
                say(0, 7.5, "sure", 0.9),
                say(0, 12.0, "anything else", 0.9)), // 4.1 s silence: new turn of the same speaker
                SpeechRequest.defaults());
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.turns()).extracting(Turn::text).containsExactly("hello how can i help", "yes please", "sure", "anything else");
        assertThat(t.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT, Speaker.AGENT);
        Turn first = t.turns().getFirst();
        assertThat(first.channel()).isZero();
        assertThat(first.speakerLabel()).isEqualTo("ch_0");
        assertThat(first.start()).isEqualTo(0.0);
        assertThat(first.end()).isEqualTo(2.9);
        assertThat(first.words()).hasSize(5);
        assertThat(first.confidence()).isCloseTo((2 * 1.0 + 3 * 0.5) / 5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anInterruptionSplitsTheInterruptedTurn() {
        Transcript t = TurnAssembler.assemble(null, "test", 20, 2, List.of(
                say(0, 0.0, "let me explain the whole plan to you", 1),
                say(0, 4.0, "and then", 1),
                say(1, 2.0, "wait", 1)), SpeechRequest.defaults());
        assertThat(t.turns()).extracting(Turn::text).containsExactly("let me explain the whole plan to you", "wait", "and then");
    }

    @Test
    void monoAlternatesAtPausesStartingWithTheRequestedSpeaker() {
        List<Utterance> u = List.of(
                say(0, 0.0, "thanks for calling", 1),
                say(0, 1.6, "this is sam", 1),          // 0.2 s after: same turn
                say(0, 3.5, "hi sam", 1),                // 0.4 s pause: next speaker
                say(0, 6.0, "i need help", 1));
        Transcript t = TurnAssembler.assemble(null, "test", 10, 1, u, SpeechRequest.defaults().withFirstSpeaker(Speaker.CUSTOMER));
        assertThat(t.rolesConfident()).isFalse();
        assertThat(t.turns()).extracting(Turn::text).containsExactly("thanks for calling this is sam", "hi sam", "i need help");
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(t.turns()).extracting(Turn::speakerLabel).containsExactly("spk_0", "spk_1", "spk_0");
        assertThat(t.turns()).allSatisfy(turn -> assertThat(turn.channel()).isNull());
    }

    @Test
    void emptyUtterancesMakeNoTurns() {
        Transcript t = TurnAssembler.assemble(null, "test", 3, 2, List.of(Utterance.ofWords(0, List.of())), SpeechRequest.defaults());
        assertThat(t.turns()).isEmpty();
    }

    @Test
    void spreadWordTimesStayInsideTheSegment() {
        List<Word> words = WordTimings.spread(" The beach was a popular spot.", 2.0, 5.0);
        assertThat(words).extracting(Word::text).containsExactly("The", "beach", "was", "a", "popular", "spot.");
        assertThat(words.getFirst().start()).isEqualTo(2.0);
        assertThat(words.getLast().end()).isLessThanOrEqualTo(5.0);
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).start()).isGreaterThanOrEqualTo(words.get(i - 1).end());
        }
    }
}
