package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Malformed, empty, oversized and unrecognised input, and format hints. */
class TranscriptImportErrorsTest {

    private final TranscriptImporters importers = new TranscriptImporters();

    private static final List<String> FORMATS = List.of("verbatim", "aws-transcribe", "aws-call-analytics",
            "amazon-connect-contact-lens", "openai", "deepgram", "assemblyai", "vapi", "text", "retell");

    @Test
    void supportedFormats() {
        assertThat(importers.supportedFormats()).containsExactlyElementsOf(FORMATS);
        assertThat(importers.maxBytes()).isEqualTo(50L * 1024 * 1024);
    }

    @Test
    void badJson() {
        assertProblem(() -> importers.read("{\"turns\": [{\"speaker\": \"agent\", \"text\": \"hi\"".getBytes()),
                "invalid-transcript", 422, "not valid JSON", "line 1");
        assertProblem(() -> importers.read("{\"language\": \"en\",}".getBytes()), "invalid-transcript", 422, "not valid JSON");
        assertProblem(() -> importers.read("{\"turns\": []} trailing".getBytes()), "invalid-transcript", 422, "not valid JSON");
        assertProblem(() -> importers.read("Agent: hi".getBytes(), "deepgram", null), "invalid-transcript", 422, "not valid JSON");
    }

    @Test
    void emptyContent() {
        assertProblem(() -> importers.read(new byte[0]), "invalid-transcript", 422, "empty");
        assertProblem(() -> importers.read(" \n\t ".getBytes()), "invalid-transcript", 422, "empty");
        assertProblem(() -> importers.read((byte[]) null, null, null), "invalid-transcript", 422, "empty");
    }

    @Test
    void noTurns() {
        assertProblem(() -> importers.read("{\"language\": \"en-US\", \"turns\": []}".getBytes()),
                "invalid-transcript", 422, "no turns");
        assertProblem(() -> importers.read("{\"turns\": [{\"speaker\": \"agent\", \"text\": \"  \"}]}".getBytes()),
                "invalid-transcript", 422, "no turns");
        assertProblem(() -> importers.read("{\"results\": {\"channels\": [], \"utterances\": []}}".getBytes()),
                "invalid-transcript", 422, "no turns");
    }

    @Test
    void negativeAndNonNumericTimes() {
        assertProblem(() -> importers.read("""
                {"turns": [{"speaker": "agent", "start": -0.5, "end": 1.0, "text": "hi"}]}""".getBytes()),
                "invalid-transcript", 422, "turns[0]", "negative");
        assertProblem(() -> importers.read("""
                {"turns": [{"speaker": "agent", "start": 0, "end": "later", "text": "hi"}]}""".getBytes()),
                "invalid-transcript", 422, "turns[0].end is not a number");
        assertProblem(() -> importers.read("""
                {"turns": [{"speaker": "agent", "start": 0, "end": 1, "text": "hi",
                  "words": [{"text": "hi", "start": -1, "end": 0.5}]}]}""".getBytes()),
                "invalid-transcript", 422, "turns[0].words[0]", "negative");
        assertProblem(() -> importers.read("""
                {"turns": [{"speaker": "agent", "start": 0, "end": 1}]}""".getBytes()),
                "invalid-transcript", 422, "turns[0].text is missing");
    }

    @Test
    void unrecognisedContentListsTheFormats() {
        for (String content : List.of("{}", "[1, 2, 3]", "\"hello\"", "{\"foo\": {\"bar\": 1}}")) {
            assertProblem(() -> importers.read(content.getBytes()), "unsupported-transcript-format", 415,
                    FORMATS.toArray(String[]::new));
        }
        byte[] wav = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'};
        assertProblem(() -> importers.read(wav), "unsupported-transcript-format", 415, "binary");
        TranscriptImportException e = catchProblem(() -> importers.read("{}".getBytes()));
        assertThat(e.properties().get("supportedFormats")).isEqualTo(FORMATS);
    }

    @Test
    void unknownFormatHint() {
        assertProblem(() -> importers.read("Agent: hi".getBytes(), "rev.ai", null),
                "unsupported-transcript-format", 400, "'rev.ai' is not a transcript format", "verbatim", "text");
    }

    @Test
    void hintsAndAliases() {
        byte[] text = "Agent: hi".getBytes();
        assertThat(importers.read(text, "TXT", null).source()).isEqualTo("text");
        assertThat(importers.read(text, "plain_text", null).source()).isEqualTo("text");
        assertThat(importers.read(text, "auto", null).source()).isEqualTo("text");
        assertThat(importers.read(text, " ", null).source()).isEqualTo("text");
        byte[] contactLens = TestData.bytes(TestData.format("amazon-connect", "contact-lens-analysis-voice.docs-example.json"));
        assertThat(importers.read(contactLens, "contact-lens", null).source()).isEqualTo("amazon-connect-contact-lens");
    }

    @Test
    void aHintThatDoesNotFitTheContentIsInvalidNotACrash() {
        byte[] call = TestData.bytes(TestData.call("sup_002.json"));
        for (String format : List.of("aws-transcribe", "aws-call-analytics", "openai", "deepgram", "assemblyai", "vapi")) {
            assertProblem(() -> importers.read(call, format, null), "invalid-transcript", 422);
        }
        byte[] deepgram = TestData.bytes(TestData.format("deepgram", "dg_utterances.json"));
        assertProblem(() -> importers.read(deepgram, "verbatim", null), "invalid-transcript", 422, "turns");
    }

    @Test
    void sizeLimit() {
        TranscriptImporters small = new TranscriptImporters(new TranscriptImportProperties(DataSize.ofKilobytes(1)));
        byte[] big = ("Agent: " + "word ".repeat(300)).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(1024);
        assertProblem(() -> small.read(big), "transcript-too-large", 413, "1024 bytes");

        byte[] exactly = Arrays.copyOf("Agent: hi ".getBytes(), 1024);
        Arrays.fill(exactly, 10, 1024, (byte) ' ');
        assertThat(small.read(exactly).turns()).hasSize(1);

        // a stream is read only up to the limit, never the whole of it
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        assertProblem(() -> small.read(endless, null, null), "transcript-too-large", 413);
        assertThat(small.read(new ByteArrayInputStream("Agent: hi".getBytes()), "text", null).turns()).hasSize(1);
    }

    private static void assertProblem(ThrowingCallable call, String type, int status, String... details) {
        TranscriptImportException e = catchProblem(call);
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.status().value()).isEqualTo(status);
        if (details.length > 0) {
            assertThat(e.getMessage()).contains(details);
        }
    }

    private static TranscriptImportException catchProblem(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(TranscriptImportException.class);
        return (TranscriptImportException) thrown;
    }

}
