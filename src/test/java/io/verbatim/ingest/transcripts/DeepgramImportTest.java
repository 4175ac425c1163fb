package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Deepgram: real nova-2 responses from deepgram-python-captions (diarized with utterances; utterances without diarize). */
class DeepgramImportTest {

    private final TranscriptImporters importers = new TranscriptImporters();
    private final byte[] speakers = TestData.bytes(TestData.format("deepgram", "dg_speakers.json"));
    private final byte[] utterances = TestData.bytes(TestData.format("deepgram", "dg_utterances.json"));

    @Test
    void diarizedUtterances() {
        assertThat(importers.detectFormat(speakers)).isEqualTo("deepgram");
        Transcript t = importers.read(speakers, null, null);

        assertThat(t.source()).isEqualTo("deepgram");
        assertThat(t.durationSeconds()).isEqualTo(169.802);
        assertThat(t.rolesConfident()).isFalse();
        // 22 utterances; consecutive ones of a speaker less than 3 s apart join: 13 turns
        assertThat(t.turns()).hasSize(13);
        assertThat(t.turns().stream().mapToInt(turn -> turn.words().size()).sum()).isEqualTo(226);
        assertThat(t.turns()).extracting(Turn::speakerLabel).containsExactly(
                "speaker_0", "speaker_1", "speaker_0", "speaker_1", "speaker_1", "speaker_2", "speaker_2",
                "speaker_1", "speaker_1", "speaker_1", "speaker_2", "speaker_1", "speaker_1");
        Turn first = t.turns().getFirst();
        assertThat(first.speaker()).isEqualTo(Speaker.AGENT);
        assertThat(first.text()).startsWith("And, Jessica, Christina, we are so proud of you. You're gonna do great today.");
        assertThat(first.start()).isEqualTo(3.04);
        assertThat(first.end()).isEqualTo(17.279999);
        assertThat(first.words()).hasSize(41);
        assertThat(first.words().getFirst()).isEqualTo(new Word("And,", 3.04, 3.54, 0.7863548));
        assertThat(first.channel()).isNull();
        assertThat(t.turns().get(1).speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(t.turns().get(5).speaker()).as("a third speaker is another customer").isEqualTo(Speaker.CUSTOMER);
        Turn last = t.turns().getLast();
        assertThat(last.text()).isEqualTo("Copy.");
        assertThat(last.start()).isEqualTo(162.605);
        assertThat(last.speaker()).isEqualTo(Speaker.CUSTOMER);
        // 28.95 -> 31.13 and 36.68 -> ...: a 5.5 s pause splits speaker 1's stretch
        assertThat(t.turns().get(3).end()).isEqualTo(31.134998);
        assertThat(t.turns().get(4).start()).isEqualTo(36.68);
    }

    @Test
    void speakerMappingPicksTheAgent() {
        Transcript t = importers.read(speakers, null, ChannelRoles.parse("speaker_1=agent"));
        assertThat(t.turns().get(0).speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(t.turns().get(1).speaker()).isEqualTo(Speaker.AGENT);
        assertThat(t.turns().get(5).speaker()).isEqualTo(Speaker.CUSTOMER);
    }

    @Test
    void diarizedWordsWithoutUtterances() {
        ObjectNode root = (ObjectNode) TestData.JSON.readTree(speakers);
        ((ObjectNode) root.get("results")).remove("utterances");
        Transcript t = importers.read(TestData.bytes(root), null, null);
        assertThat(t.turns().stream().mapToInt(turn -> turn.words().size()).sum()).isEqualTo(226);
        assertThat(t.turns()).hasSize(15);
        assertThat(t.turns().getFirst().text()).startsWith("And, Jessica, Christina,");
        assertThat(t.turns().getFirst().speakerLabel()).isEqualTo("speaker_0");
        assertThat(t.turns().getLast().text()).isEqualTo("Copy.");
    }

    @Test
    void utterancesWithoutDiarization() {
        assertThat(importers.detectFormat(utterances)).isEqualTo("deepgram");
        Transcript t = importers.read(utterances, null, null);

        assertThat(t.durationSeconds()).isEqualTo(25.933313);
        assertThat(t.rolesConfident()).isFalse();
        assertThat(t.turns()).hasSize(6);
        assertThat(t.turns()).allSatisfy(turn -> assertThat(turn.speaker()).isEqualTo(Speaker.UNKNOWN));
        assertThat(t.turns().getFirst().text()).isEqualTo("Yeah. As as much as, it's worth celebrating,");
        assertThat(t.turns().getFirst().words().getFirst()).isEqualTo(new Word("Yeah.", 0.08, 0.32, 0.9980539));
    }

    @Test
    void multichannelUsesTheChannelMapping() {
        ObjectNode root = (ObjectNode) TestData.JSON.readTree(utterances);
        ObjectNode results = (ObjectNode) root.get("results");
        results.remove("utterances");
        ArrayNode channels = (ArrayNode) results.get("channels");
        ObjectNode second = (ObjectNode) channels.get(0).deepCopy();
        ArrayNode words = (ArrayNode) second.get("alternatives").get(0).get("words");
        for (int i = words.size() - 1; i >= 0; i--) {
            ObjectNode w = (ObjectNode) words.get(i);
            w.put("start", w.get("start").doubleValue() + 30);
            w.put("end", w.get("end").doubleValue() + 30);
        }
        channels.add(second);
        Transcript t = importers.read(TestData.bytes(root), "deepgram", null);
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.turns()).extracting(Turn::speaker).containsOnly(Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(t.turns().getFirst().speakerLabel()).isEqualTo("ch_0");
        assertThat(t.turns().getLast().channel()).isEqualTo(1);
        assertThat(t.turns().getLast().speaker()).isEqualTo(Speaker.CUSTOMER);

        Transcript swapped = importers.read(TestData.bytes(root), "deepgram", ChannelRoles.parse("ch_1=agent"));
        assertThat(swapped.turns().getFirst().speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(swapped.turns().getLast().speaker()).isEqualTo(Speaker.AGENT);
        assertThat(List.of(swapped.turns().getFirst().channel())).containsExactly(0);
    }
}
