package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import org.junit.jupiter.api.Test;

/** Vapi end-of-call-report: the docs snippet (its comments stripped) and the OpenAPI message fields. */
class VapiImportTest {

    private final TranscriptImporters importers = new TranscriptImporters();

    /** The docs block is pseudo-JSON only because of its comments ({@code /* Call Object *\/}). */
    private static byte[] docsSnippet() {
        String text = TestData.text(TestData.format("vapi", "end-of-call-report.docs-current.VERBATIM.txt"));
        int from = text.indexOf("```json") + "```json".length();
        String block = text.substring(from, text.indexOf("```", from));
        return block.replaceAll("/\\*.*?\\*/", "").getBytes();
    }

    @Test
    void docsSnippetWithoutTimes() {
        byte[] content = docsSnippet();
        assertThat(importers.detectFormat(content)).isEqualTo("vapi");
        Transcript t = importers.read(content, null, null);

        assertThat(t.source()).isEqualTo("vapi");
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.turns()).extracting(Turn::text).containsExactly("How can I help?", "What's the weather?");
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(t.turns()).extracting(Turn::speakerLabel).containsExactly("assistant", "user");
        // no times in the snippet: synthesised at 2.5 words/s with 0.3 s gaps
        assertThat(t.turns().get(0).start()).isZero();
        assertThat(t.turns().get(0).end()).isCloseTo(4 / 2.5, within(1e-9));
        assertThat(t.turns().get(1).start()).isCloseTo(4 / 2.5 + 0.3, within(1e-9));
    }

    @Test
    void messagesWithTimesSkippingSystemAndToolMessages() {
        String json = """
                {"message": {"type": "end-of-call-report", "endedReason": "customer-ended-call", "durationSeconds": 21.5,
                  "artifact": {"transcript": "AI: Hi, this is Ava.\\nUser: I need to move my appointment.", "messages": [
                    {"role": "system", "message": "You are Ava, the receptionist.", "time": 1712345678000, "secondsFromStart": 0},
                    {"role": "bot", "message": "Hi, this is Ava from BrightSmile Dental.", "time": 1712345678900, "endTime": 1712345681400, "secondsFromStart": 0.9, "duration": 2500, "source": ""},
                    {"role": "user", "message": "I need to move my appointment.", "time": 1712345682000, "endTime": 1712345684100, "secondsFromStart": 4.0, "duration": 2100},
                    {"role": "tool_calls", "toolCalls": [], "time": 1712345684200, "secondsFromStart": 6.2},
                    {"role": "bot", "message": "Sure, which day works?", "time": 1712345685000, "endTime": 1712345686500, "secondsFromStart": 7.0}]}}}""";
        Transcript t = importers.read(json.getBytes(), null, null);
        assertThat(t.turns()).hasSize(3);
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(t.turns().get(0).start()).isEqualTo(0.9);
        assertThat(t.turns().get(0).end()).isCloseTo(3.4, within(1e-9));
        assertThat(t.turns().get(1).end()).isCloseTo(6.1, within(1e-9));
        assertThat(t.durationSeconds()).isEqualTo(21.5);
    }

    @Test
    void transcriptTextWhenThereAreNoMessages() {
        String json = """
                {"message": {"type": "end-of-call-report", "transcript": "AI: How can I help?\\nUser: What's the weather?"}}""";
        Transcript t = importers.read(json.getBytes(), null, null);
        assertThat(t.source()).isEqualTo("vapi");
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(t.turns()).extracting(Turn::speakerLabel).containsExactly("AI", "User");
        assertThat(t.rolesConfident()).isTrue();
    }
}
