package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Retell's call object (src/test/resources/formats/retell, written from Retell's docs), and Vapi tool calls kept as turns. */
class RetellImportTest {

    private final TranscriptImporters importers = new TranscriptImporters();

    @Test
    void callAnalyzedSampleBecomesTurnsFromWordsWithToolCalls() throws Exception {
        byte[] content = Files.readAllBytes(Path.of("src/test/resources/formats/retell/call_analyzed.json"));
        assertThat(importers.detectFormat(content)).isEqualTo("retell");
        Transcript t = importers.read(content, null, null);
        assertThat(t.source()).isEqualTo("retell");
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.durationSeconds()).isEqualTo(15.791);
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT,
                Speaker.CUSTOMER, Speaker.UNKNOWN, Speaker.UNKNOWN, Speaker.AGENT);
        assertThat(t.turns().get(2).start()).isEqualTo(5.0);
        assertThat(t.turns().get(2).end()).isEqualTo(8.0);
        assertThat(t.turns().get(2).words()).hasSize(11);
        assertThat(t.turns().get(4).text()).startsWith("tool call: book_appointment {");
        assertThat(t.turns().get(4).start()).isEqualTo(t.turns().get(4).end()).isEqualTo(11.4);
        assertThat(t.turns().get(5).speakerLabel()).isEqualTo("tool_call_result");
    }

    @Test
    void transcriptTextWithoutTranscriptObject() {
        String json = """
                {"event": "call_analyzed", "call": {"call_id": "c1", "transcript": "Agent: Hello there.\\nUser: Hi, I need a cut."}}""";
        Transcript t = importers.read(json.getBytes(), null, null);
        assertThat(t.source()).isEqualTo("retell");
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
    }

    @Test
    void vapiToolCallsAreZeroLengthTurnsBetweenTheSpeech() {
        String json = """
                {"message": {"type": "end-of-call-report", "artifact": {"messages": [
                  {"role": "bot", "message": "Which day?", "secondsFromStart": 1.0},
                  {"role": "user", "message": "Friday.", "secondsFromStart": 3.0},
                  {"role": "tool_calls", "toolCalls": [{"id": "t1", "type": "function", "function": {"name": "checkSlots", "arguments": {"day": "friday"}}}], "secondsFromStart": 4.5},
                  {"role": "tool_call_result", "toolCallId": "t1", "name": "checkSlots", "result": "[\\"09:00\\"]", "secondsFromStart": 5.0},
                  {"role": "bot", "message": "Nine works.", "secondsFromStart": 6.0}]}}}""";
        Transcript t = importers.read(json.getBytes(), "vapi", null);
        assertThat(t.turns()).extracting(Turn::text).containsExactly("Which day?", "Friday.",
                "tool call: checkSlots {\"day\":\"friday\"}", "tool result: checkSlots → [\"09:00\"]", "Nine works.");
        assertThat(t.turns().get(2).speaker()).isEqualTo(Speaker.UNKNOWN);
        assertThat(t.turns().get(2).end()).isEqualTo(4.5);
        assertThat(t.rolesConfident()).isTrue();
    }
}
