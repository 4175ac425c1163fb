package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import org.junit.jupiter.api.Test;

/** OpenAI transcription responses: the spec's verbose_json (segments, words) and diarized_json examples. */
class OpenAiImportTest {

    private final TranscriptImporters importers = new TranscriptImporters();

    @Test
    void verboseJsonWithSegments() {
        byte[] sample = TestData.bytes(TestData.format("openai", "verbose_json-segment-timestamps.json"));
        assertThat(importers.detectFormat(sample)).isEqualTo("openai");
        Transcript t = importers.read(sample, null, null);

        assertThat(t.source()).isEqualTo("openai");
        assertThat(t.language()).as("'english' normalised").isEqualTo("en");
        assertThat(t.durationSeconds()).isEqualTo(8.470000267028809);
        assertThat(t.rolesConfident()).as("Whisper does not diarize").isFalse();
        assertThat(t.turns()).hasSize(1);
        Turn turn = t.turns().getFirst();
        assertThat(turn.text()).isEqualTo("The beach was a popular spot on a hot summer day.");
        assertThat(turn.speaker()).isEqualTo(Speaker.UNKNOWN);
        assertThat(turn.start()).isZero();
        assertThat(turn.end()).isEqualTo(3.319999933242798);
        assertThat(turn.words()).isEmpty();
    }

    @Test
    void verboseJsonWithWordsOnly() {
        byte[] sample = TestData.bytes(TestData.format("openai", "verbose_json-word-timestamps.json"));
        assertThat(importers.detectFormat(sample)).isEqualTo("openai");
        Transcript t = importers.read(sample, "whisper", null);

        assertThat(t.language()).isEqualTo("en");
        // the spec example elides the middle words: 7 s between the two left, so two turns
        assertThat(t.turns()).extracting(Turn::text).containsExactly("The", "volleyball");
        assertThat(t.turns().getFirst().words()).containsExactly(new Word("The", 0.0, 0.23999999463558197, null));
        assertThat(t.turns().getLast().words().getFirst().start()).isEqualTo(7.400000095367432);
        assertThat(t.turns()).allSatisfy(turn -> assertThat(turn.speaker()).isEqualTo(Speaker.UNKNOWN));
    }

    @Test
    void wordsTakeTheirPunctuationFromTheText() {
        String json = """
                {"task": "transcribe", "language": "spanish", "duration": 3.0, "text": "Hola, ¿qué tal? Bien.",
                 "words": [{"word": "Hola", "start": 0.0, "end": 0.4}, {"word": "qué", "start": 0.5, "end": 0.7},
                           {"word": "tal", "start": 0.7, "end": 1.0}, {"word": "Bien", "start": 1.5, "end": 1.9}]}""";
        Transcript t = importers.read(json.getBytes(), null, null);
        assertThat(t.language()).isEqualTo("es");
        assertThat(t.turns()).hasSize(1);
        assertThat(t.turns().getFirst().text()).isEqualTo("Hola, ¿qué tal? Bien.");
    }

    @Test
    void segmentsGetTheWordsInsideThem() {
        String json = """
                {"task": "transcribe", "language": "english", "duration": 4.0, "text": "Hi there. Bye now.",
                 "segments": [{"id": 0, "start": 0.0, "end": 1.0, "text": " Hi there."},
                              {"id": 1, "start": 2.0, "end": 3.0, "text": " Bye now."}],
                 "words": [{"word": "Hi", "start": 0.0, "end": 0.4}, {"word": "there", "start": 0.4, "end": 0.9},
                           {"word": "Bye", "start": 2.0, "end": 2.4}, {"word": "now", "start": 2.5, "end": 3.0}]}""";
        Transcript t = importers.read(json.getBytes(), null, null);
        assertThat(t.turns()).hasSize(2);
        assertThat(t.turns().get(0).words()).extracting(Word::text).containsExactly("Hi", "there.");
        assertThat(t.turns().get(1).words()).extracting(Word::text).containsExactly("Bye", "now.");
    }

    @Test
    void diarizedJson() {
        byte[] sample = TestData.bytes(TestData.format("openai", "diarized_json.json"));
        assertThat(importers.detectFormat(sample)).isEqualTo("openai");
        Transcript t = importers.read(sample, null, null);

        assertThat(t.durationSeconds()).isEqualTo(27.4);
        assertThat(t.turns()).hasSize(3);
        assertThat(t.turns()).extracting(Turn::speakerLabel).containsExactly("agent", "A", "agent");
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(t.turns().getFirst().text()).isEqualTo("Thanks for calling OpenAI support.");
        assertThat(t.turns().getLast().text()).isEqualTo("Happy to walk you through the steps.");
        assertThat(t.turns().getLast().start()).isEqualTo(12.1);
        assertThat(t.rolesConfident()).as("'A' was guessed").isFalse();

        Transcript mapped = importers.read(sample, "openai", ChannelRoles.parse("A=customer"));
        assertThat(mapped.rolesConfident()).isTrue();
    }

    @Test
    void neitherSegmentsNorWordsIsInvalidWhenForced() {
        assertThatThrownBy(() -> importers.read("{\"text\": \"hello\"}".getBytes(), "openai", null))
                .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-transcript");
                    assertThat(e.getMessage()).contains("neither segments nor words");
                });
    }
}
