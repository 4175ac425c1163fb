package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** AssemblyAI: the OpenAPI Transcript example and a real v2 response kept by deepgram-python-captions. */
class AssemblyAiImportTest {

    private final TranscriptImporters importers = new TranscriptImporters();
    private final byte[] openapi = TestData.bytes(TestData.format("assemblyai", "transcript-example-from-openapi.json"));
    private final byte[] real = TestData.bytes(TestData.format("assemblyai", "assemblyai_utterances.from-deepgram-captions.json"));

    @Test
    void openApiExample() {
        assertThat(importers.detectFormat(openapi)).isEqualTo("assemblyai");
        Transcript t = importers.read(openapi, null, null);

        assertThat(t.source()).isEqualTo("assemblyai");
        assertThat(t.language()).as("en_us normalised").isEqualTo("en-US");
        assertThat(t.durationSeconds()).isEqualTo(281.0);
        assertThat(t.rolesConfident()).isFalse();
        assertThat(t.turns()).hasSize(1);
        Turn turn = t.turns().getFirst();
        assertThat(turn.speakerLabel()).isEqualTo("A");
        assertThat(turn.speaker()).isEqualTo(Speaker.AGENT);
        assertThat(turn.start()).isEqualTo(0.25);
        assertThat(turn.end()).isEqualTo(26.95);
        assertThat(turn.text()).startsWith("Smoke from hundreds of wildfires in Canada").endsWith("Good morning, professor.");
        assertThat(turn.words()).hasSize(15);
        assertThat(turn.words().getFirst()).isEqualTo(new Word("Smoke", 0.25, 0.65, 0.97503));
        assertThat(turn.confidence()).isEqualTo(0.9359033333333334);
    }

    @Test
    void realResponse() {
        assertThat(importers.detectFormat(real)).isEqualTo("assemblyai");
        Transcript t = importers.read(real, null, ChannelRoles.parse("A=customer"));

        assertThat(t.language()).isEqualTo("en");
        assertThat(t.durationSeconds()).isEqualTo(25.14);
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.turns()).hasSize(1);
        Turn turn = t.turns().getFirst();
        assertThat(turn.speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(turn.text()).startsWith("Yeah. As much as it's worth celebrating the first spacewalk");
        assertThat(turn.words()).hasSize(60);
        assertThat(turn.words().getFirst()).isEqualTo(new Word("Yeah.", 0.17, 0.718, 0.9941));
        assertThat(turn.words().getLast()).isEqualTo(new Word("today.", 25.044, 25.14, 0.99784));
    }

    @Test
    void wordsWithoutUtterancesAndUnlabelledWords() {
        ObjectNode root = (ObjectNode) TestData.JSON.readTree(openapi);
        root.remove("utterances");
        Transcript t = importers.read(TestData.bytes(root), null, null);
        assertThat(t.turns()).hasSize(1);
        assertThat(t.turns().getFirst().speaker()).isEqualTo(Speaker.UNKNOWN);
        assertThat(t.turns().getFirst().words()).hasSize(15);
        assertThat(t.turns().getFirst().text()).startsWith("Smoke from hundreds").endsWith("US.");
        assertThat(t.rolesConfident()).isFalse();
    }

    @Test
    void multichannelUtterances() {
        String json = """
                {"id": "x", "status": "completed", "audio_url": "https://example.com/a.wav", "multichannel": true,
                 "language_code": "en_us", "audio_duration": 5,
                 "utterances": [
                   {"speaker": "1", "channel": "1", "start": 0, "end": 1200, "text": "Thanks for calling.", "confidence": 0.9, "words": []},
                   {"speaker": "2", "channel": "2", "start": 1500, "end": 2500, "text": "Hi there.", "confidence": 0.8, "words": []}]}""";
        Transcript t = importers.read(json.getBytes(), null, null);
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(t.turns()).extracting(Turn::channel).containsExactly(0, 1);
        assertThat(t.turns()).extracting(Turn::speakerLabel).containsExactly("ch_0", "ch_1");
        assertThat(t.rolesConfident()).isTrue();
    }

    @Test
    void unfinishedTranscriptIsInvalid() {
        ObjectNode root = (ObjectNode) TestData.JSON.readTree(real);
        root.put("status", "processing");
        assertThatThrownBy(() -> importers.read(TestData.bytes(root), null, null))
                .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-transcript");
                    assertThat(e.getMessage()).contains("processing");
                });
    }
}
