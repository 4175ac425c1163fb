package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** AWS Transcribe batch output: the official diarization and channel-identification samples. */
class AwsTranscribeImportTest {

    private final TranscriptImporters importers = new TranscriptImporters();
    private final byte[] diarization = TestData.bytes(TestData.format("aws-transcribe", "batch-speaker-diarization.json"));
    private final byte[] channels = TestData.bytes(TestData.format("aws-transcribe", "batch-channel-identification.json"));

    @Test
    void speakerDiarization() {
        assertThat(importers.detectFormat(diarization)).isEqualTo("aws-transcribe");
        Transcript t = importers.read(diarization, null, null);

        assertThat(t.source()).isEqualTo("aws-transcribe");
        assertThat(t.language()).isNull();
        assertThat(t.rolesConfident()).as("spk_N labels are guessed").isFalse();
        assertThat(t.turns()).hasSize(2);

        Turn first = t.turns().get(0);
        assertThat(first.text()).isEqualTo("I've been on hold for an hour.");
        assertThat(first.speakerLabel()).isEqualTo("spk_0");
        assertThat(first.speaker()).as("first to speak").isEqualTo(Speaker.AGENT);
        assertThat(first.channel()).isNull();
        assertThat(first.start()).isEqualTo(4.87);
        assertThat(first.end()).isEqualTo(6.88);
        assertThat(first.words()).extracting(Word::text).containsExactly("I've", "been", "on", "hold", "for", "an", "hour.");
        assertThat(first.words().getLast()).isEqualTo(new Word("hour.", 6.26, 6.88, 1.0));
        assertThat(first.confidence()).isEqualTo(1.0);

        Turn last = t.turns().get(1);
        assertThat(last.text()).isEqualTo("Sorry about that.");
        assertThat(last.speakerLabel()).isEqualTo("spk_1");
        assertThat(last.speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(last.words().get(1)).isEqualTo(new Word("about", 8.88, 9.05, 0.902));
        assertThat(last.confidence()).isCloseTo((1.0 + 0.902 + 1.0) / 3, within(1e-9));
        assertThat(t.durationSeconds()).isEqualTo(9.24);
    }

    @Test
    void speakerLabelMapping() {
        Transcript swapped = importers.read(diarization, "aws-transcribe", ChannelRoles.parse("spk_0=customer"));
        assertThat(swapped.turns()).extracting(Turn::speaker).containsExactly(Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(swapped.rolesConfident()).as("spk_1 still guessed").isFalse();

        Transcript mapped = importers.read(diarization, "transcribe", ChannelRoles.parse("spk_0=customer,spk_1=agent"));
        assertThat(mapped.turns()).extracting(Turn::speaker).containsExactly(Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(mapped.rolesConfident()).isTrue();
    }

    @Test
    void olderDiarizationOutputWithLabelsOnlyInSegments() {
        ObjectNode root = (ObjectNode) TestData.JSON.readTree(diarization);
        for (JsonNode item : root.get("results").get("items")) {
            ((ObjectNode) item).remove("speaker_label");
        }
        Transcript t = importers.read(TestData.bytes(root), null, null);
        assertThat(t.turns()).extracting(Turn::speakerLabel).containsExactly("spk_0", "spk_1");
        assertThat(t.turns()).extracting(Turn::text).containsExactly("I've been on hold for an hour.", "Sorry about that.");
    }

    @Test
    void channelIdentification() {
        assertThat(importers.detectFormat(channels)).isEqualTo("aws-transcribe");
        Transcript t = importers.read(channels, null, null);

        assertThat(t.rolesConfident()).as("roles come from the channel mapping").isTrue();
        assertThat(t.language()).as("from the item that carries language_code").isEqualTo("en-US");
        assertThat(t.turns()).hasSize(2);
        Turn agent = t.turns().get(0);
        assertThat(agent.text()).isEqualTo("I've been on hold for an hour.");
        assertThat(agent.speaker()).isEqualTo(Speaker.AGENT);
        assertThat(agent.speakerLabel()).isEqualTo("ch_0");
        assertThat(agent.channel()).isZero();
        assertThat(agent.start()).isEqualTo(4.86);
        assertThat(agent.end()).isEqualTo(6.87);
        assertThat(agent.words()).hasSize(7);
        Turn customer = t.turns().get(1);
        assertThat(customer.text()).isEqualTo("Sorry about that.");
        assertThat(customer.speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(customer.channel()).isEqualTo(1);
        assertThat(customer.words().get(1)).isEqualTo(new Word("about", 8.89, 9.06, 0.9176));
    }

    @Test
    void channelMappingSwapsRoles() {
        Transcript t = importers.read(channels, null, ChannelRoles.agentOnChannel(1));
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(t.rolesConfident()).isTrue();
    }

    @Test
    void olderChannelOutputWithItemsOnlyPerChannel() {
        ObjectNode root = (ObjectNode) TestData.JSON.readTree(channels);
        ((ObjectNode) root.get("results")).remove("items");
        Transcript t = importers.read(TestData.bytes(root), null, null);
        assertThat(t.turns()).extracting(Turn::text).containsExactly("I've been on hold for an hour.", "Sorry about that.");
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
    }

    @Test
    void interleavedChannelsAndLongPausesMakeSeparateTurns() {
        String json = """
                {"jobName": "j", "status": "COMPLETED", "results": {"transcripts": [{"transcript": "x"}], "items": [
                 {"channel_label": "ch_0", "start_time": "0.0", "end_time": "0.5", "type": "pronunciation", "alternatives": [{"confidence": "0.9", "content": "Hello"}]},
                 {"channel_label": "ch_0", "type": "punctuation", "alternatives": [{"confidence": "0.0", "content": "."}]},
                 {"channel_label": "ch_1", "start_time": "0.8", "end_time": "1.0", "type": "pronunciation", "alternatives": [{"confidence": "0.8", "content": "Hi"}]},
                 {"channel_label": "ch_0", "start_time": "1.2", "end_time": "1.5", "type": "pronunciation", "alternatives": [{"confidence": "0.9", "content": "Account"}]},
                 {"channel_label": "ch_0", "start_time": "9.0", "end_time": "9.5", "type": "pronunciation", "alternatives": [{"confidence": "0.9", "content": "Thanks"}]}]}}""";
        Transcript t = importers.read(json.getBytes(), null, null);
        assertThat(t.turns()).extracting(Turn::text).containsExactly("Hello.", "Hi", "Account", "Thanks");
        assertThat(t.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT, Speaker.AGENT);
    }

    @Test
    void monoOutputWithoutLabelsHasUnknownSpeaker() {
        ObjectNode root = (ObjectNode) TestData.JSON.readTree(diarization);
        ObjectNode results = (ObjectNode) root.get("results");
        results.remove("speaker_labels");
        for (JsonNode item : results.get("items")) {
            ((ObjectNode) item).remove("speaker_label");
        }
        Transcript t = importers.read(TestData.bytes(root), null, null);
        assertThat(t.rolesConfident()).isFalse();
        assertThat(t.turns()).allSatisfy(turn -> assertThat(turn.speaker()).isEqualTo(Speaker.UNKNOWN));
        assertThat(t.turns()).extracting(Turn::text).containsExactly("I've been on hold for an hour. Sorry about that.");
    }

    @Test
    void unfinishedJobsAndMalformedItemsAreInvalid() {
        ObjectNode inProgress = (ObjectNode) TestData.JSON.readTree(diarization);
        inProgress.put("status", "IN_PROGRESS");
        assertInvalid(TestData.bytes(inProgress), "IN_PROGRESS");

        ObjectNode badTime = (ObjectNode) TestData.JSON.readTree(diarization);
        ((ObjectNode) badTime.get("results").get("items").get(2)).put("start_time", "soon");
        assertInvalid(TestData.bytes(badTime), "results.items[2].start_time");

        ObjectNode negative = (ObjectNode) TestData.JSON.readTree(diarization);
        ((ObjectNode) negative.get("results").get("items").get(0)).put("start_time", "-1.0");
        assertInvalid(TestData.bytes(negative), "negative");

        ObjectNode empty = (ObjectNode) TestData.JSON.readTree(diarization);
        ((ArrayNode) empty.get("results").get("items")).removeAll();
        ((ObjectNode) empty.get("results")).remove("speaker_labels");
        assertInvalid(TestData.bytes(empty), "no words");
    }

    private void assertInvalid(byte[] content, String detail) {
        assertThatThrownBy(() -> importers.read(content, null, null))
                .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-transcript");
                    assertThat(e.getMessage()).contains(detail);
                });
    }
}
