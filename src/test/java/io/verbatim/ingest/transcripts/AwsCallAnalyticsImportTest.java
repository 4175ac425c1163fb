package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import org.junit.jupiter.api.Test;

/** Turn-level AWS analytics outputs: Contact Lens (official sample) and Transcribe Call Analytics. */
class AwsCallAnalyticsImportTest {

    private final TranscriptImporters importers = new TranscriptImporters();

    @Test
    void contactLensAnalysisFile() {
        byte[] sample = TestData.bytes(TestData.format("amazon-connect", "contact-lens-analysis-voice.docs-example.json"));
        assertThat(importers.detectFormat(sample)).isEqualTo("amazon-connect-contact-lens");
        Transcript t = importers.read(sample, null, null);

        assertThat(t.source()).isEqualTo("amazon-connect-contact-lens");
        assertThat(t.language()).isEqualTo("en-US");
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.durationSeconds()).isEqualTo(32.11);
        assertThat(t.turns()).hasSize(10);
        assertThat(t.turns().getFirst()).isEqualTo(
                new Turn(Speaker.AGENT, "AGENT", null, 0.0, 0.09, "Okay.", null, null));
        assertThat(t.turns().get(1).speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(t.turns().get(1).text()).isEqualTo("Just hello. My name is Peter and help.");
        Turn last = t.turns().getLast();
        assertThat(last.speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(last.text()).isEqualTo("Thank you. Sir. Have a nice evening.");
        assertThat(last.start()).isEqualTo(30.58);
        assertThat(last.end()).isEqualTo(32.11);
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(
                Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT,
                Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER);
        // the agent's turn at 24.12 s starts before the customer's ends (24.14 s): kept, sorted by start
        assertThat(t.turns().get(8).start()).isEqualTo(24.12);
    }

    @Test
    void contactLensVerbatimDocCopyWithItsExtraBraceIsInvalidJson() {
        byte[] verbatim = TestData.bytes(TestData.format("amazon-connect", "contact-lens-analysis-voice.docs-example.VERBATIM.txt"));
        assertThatThrownBy(() -> importers.read(verbatim, null, null))
                .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-transcript");
                    assertThat(e.getMessage()).contains("not valid JSON", "line");
                });
    }

    /**
     * The official Call Analytics sample is elided ("..."), so this is its four complete turns
     * (ids, offsets, roles and contents as published) with Items in the documented shape added.
     */
    @Test
    void transcribeCallAnalyticsOutput() {
        String json = """
                {"JobStatus": "COMPLETED", "LanguageCode": "en-US", "Transcript": [
                  {"LoudnessScores": [80.22, 79.48, 82.81], "Content": "That is a very generous offer. And I accept.",
                   "Items": [
                     {"Confidence": 0.99, "Content": "That", "BeginOffsetMillis": 17140, "EndOffsetMillis": 17390, "Type": "pronunciation"},
                     {"Confidence": 0.98, "Content": "is", "BeginOffsetMillis": 17390, "EndOffsetMillis": 17500, "Type": "pronunciation"},
                     {"Confidence": 0.97, "Content": "a", "BeginOffsetMillis": 17500, "EndOffsetMillis": 17560, "Type": "pronunciation"},
                     {"Confidence": 1.0, "Content": "very", "BeginOffsetMillis": 17560, "EndOffsetMillis": 17800, "Type": "pronunciation"},
                     {"Confidence": 1.0, "Content": "generous", "BeginOffsetMillis": 17800, "EndOffsetMillis": 18300, "Type": "pronunciation"},
                     {"Confidence": 1.0, "Content": "offer", "BeginOffsetMillis": 18300, "EndOffsetMillis": 18700, "Type": "pronunciation"},
                     {"Confidence": 0.0, "Content": ".", "Type": "punctuation"},
                     {"Confidence": 0.96, "Content": "And", "BeginOffsetMillis": 18900, "EndOffsetMillis": 19100, "Type": "pronunciation"},
                     {"Confidence": 1.0, "Content": "I", "BeginOffsetMillis": 19100, "EndOffsetMillis": 19200, "Type": "pronunciation"},
                     {"Confidence": 1.0, "Content": "accept", "BeginOffsetMillis": 19200, "EndOffsetMillis": 19860, "Type": "pronunciation"},
                     {"Confidence": 0.0, "Content": ".", "Type": "punctuation"}],
                   "Id": "f9266cba-34df-4ca8-9cea-4f62a52a7981", "BeginOffsetMillis": 17140, "EndOffsetMillis": 19860,
                   "Sentiment": "POSITIVE", "ParticipantRole": "CUSTOMER"},
                  {"Content": "That's very sad to hear. Can I offer you a 50% discount to have you stay with us?",
                   "Id": "649afe93-1e59-4ae9-a3ba-a0a613868f5d", "BeginOffsetMillis": 12180, "EndOffsetMillis": 16960,
                   "Sentiment": "NEGATIVE", "ParticipantRole": "AGENT"},
                  {"Content": "I will send an email with all the details to you today, and I will call you back next week to follow up. Have a wonderful evening.",
                   "Id": "78cd0923-cafd-44a5-a66e-09515796572f", "BeginOffsetMillis": 31800, "EndOffsetMillis": 39450,
                   "Sentiment": "POSITIVE", "ParticipantRole": "AGENT"},
                  {"Content": "Thank you very much, sir. Goodbye.", "Id": "5c5e6be0-8349-4767-8447-986f995af7c3",
                   "BeginOffsetMillis": 40040, "EndOffsetMillis": 42460, "Sentiment": "POSITIVE", "ParticipantRole": "CUSTOMER"}],
                 "ConversationCharacteristics": {"TotalConversationDurationMillis": 42460}}""";
        byte[] content = json.getBytes();
        assertThat(importers.detectFormat(content)).isEqualTo("aws-call-analytics");
        Transcript t = importers.read(content, null, null);

        assertThat(t.source()).isEqualTo("aws-call-analytics");
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.durationSeconds()).isEqualTo(42.46);
        assertThat(t.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(t.turns().getFirst().start()).as("sorted by start").isEqualTo(12.18);
        Turn withItems = t.turns().get(1);
        assertThat(withItems.words()).extracting(Word::text)
                .containsExactly("That", "is", "a", "very", "generous", "offer.", "And", "I", "accept.");
        assertThat(withItems.words().get(5)).isEqualTo(new Word("offer.", 18.3, 18.7, 1.0));
        assertThat(withItems.confidence()).isNotNull();
        assertThat(t.turns().getLast().text()).isEqualTo("Thank you very much, sir. Goodbye.");
    }

    @Test
    void aTurnWithoutOffsetsIsInvalid() {
        String json = """
                {"Transcript": [{"Content": "Hello", "ParticipantRole": "AGENT", "BeginOffsetMillis": 0}]}""";
        assertThatThrownBy(() -> importers.read(json.getBytes(), null, null))
                .isInstanceOfSatisfying(TranscriptImportException.class,
                        e -> assertThat(e.getMessage()).contains("Transcript[0].EndOffsetMillis is missing"));
    }
}
