package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Verbatim's own format on every call of the evaluation set ({@code testdata/calls/<id>.json}). */
class VerbatimCallsImportTest {

    private final TranscriptImporters importers = new TranscriptImporters();

    static List<Path> calls() throws IOException {
        try (Stream<Path> files = Files.list(TestData.root().resolve("calls"))) {
            return files.filter(p -> p.getFileName().toString().matches("[a-z]+_\\d+\\.json")).sorted().toList();
        }
    }

    static List<Path> rendered() throws IOException {
        try (Stream<Path> files = Files.list(TestData.root().resolve("calls"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rendered.json")).sorted().toList();
        }
    }

    static List<Path> labels() throws IOException {
        try (Stream<Path> files = Files.list(TestData.root().resolve("calls"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".labels.json")).sorted().toList();
        }
    }

    @Test
    void theSetHasSixteenCallsAndFiveRenderings() throws IOException {
        assertThat(calls()).hasSize(16);
        assertThat(rendered()).hasSize(5);
    }

    @ParameterizedTest
    @MethodSource({"calls", "rendered"})
    void readsEveryTurnWithItsSpeakerTimesAndText(Path file) {
        JsonNode raw = TestData.tree(file);
        JsonNode rawTurns = raw.get("turns");

        assertThat(importers.detectFormat(TestData.bytes(file))).isEqualTo("verbatim");
        Transcript t = importers.read(TestData.bytes(file), null, null);

        assertThat(t.source()).isEqualTo("verbatim");
        assertThat(t.language()).isEqualTo(raw.get("language").stringValue());
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.turns()).hasSize(rawTurns.size());
        for (int i = 0; i < rawTurns.size(); i++) {
            JsonNode expected = rawTurns.get(i);
            Turn turn = t.turns().get(i);
            assertThat(turn.text()).as("turn %d", i).isEqualTo(expected.get("text").stringValue().strip());
            assertThat(turn.speaker()).as("turn %d", i).isEqualTo(Speaker.fromWire(expected.get("speaker").stringValue()));
            assertThat(turn.speakerLabel()).isEqualTo(expected.get("speaker").stringValue());
            assertThat(turn.start()).isEqualTo(expected.get("start").doubleValue());
            assertThat(turn.end()).isEqualTo(expected.get("end").doubleValue());
            assertThat(turn.words()).isEmpty();
            assertThat(turn.channel()).isNull();
        }
        for (int i = 1; i < t.turns().size(); i++) {
            assertThat(t.turns().get(i).start()).isGreaterThanOrEqualTo(t.turns().get(i - 1).start());
        }
        double lastEnd = t.turns().stream().mapToDouble(Turn::end).max().orElseThrow();
        JsonNode audio = raw.get("audio");
        double expectedDuration = audio == null ? lastEnd : Math.max(lastEnd, audio.get("duration_s").doubleValue());
        assertThat(t.durationSeconds()).isCloseTo(expectedDuration, within(1e-9));
    }

    @Test
    void spotChecksOfKnownCalls() {
        Transcript csr002 = importers.read(TestData.bytes(TestData.call("csr_002.json")));
        assertThat(csr002.turns()).hasSize(24);
        assertThat(csr002.turns().getFirst().text()).startsWith("Thanks for calling ComfortPro Heating");
        assertThat(csr002.turns().getFirst().speaker()).isEqualTo(Speaker.AGENT);
        assertThat(csr002.turns().getLast().speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(csr002.turns().getLast().end()).isEqualTo(212.71);

        Transcript ms002 = importers.read(TestData.bytes(TestData.call("ms_002.json")));
        assertThat(ms002.turns().getFirst().speaker()).as("the mystery shopper speaks first").isEqualTo(Speaker.CUSTOMER);
        assertThat(ms002.turns().getFirst().text()).isEqualTo("Hi, excuse me.");

        Transcript ms005 = importers.read(TestData.bytes(TestData.call("ms_005.json")));
        assertThat(ms005.language()).isEqualTo("es-419");
        assertThat(ms005.turns().getFirst().text()).startsWith("¡Buenos días!");

        Transcript fs007 = importers.read(TestData.bytes(TestData.call("fs_007.json")));
        assertThat(fs007.turns()).hasSize(34);
        assertThat(fs007.durationSeconds()).isEqualTo(1963.01);

        Transcript rendered = importers.read(TestData.bytes(TestData.call("va_008.rendered.json")));
        assertThat(rendered.durationSeconds()).isEqualTo(75.0, within(1.0));
    }

    @ParameterizedTest
    @MethodSource("labels")
    void goldLabelFilesAreNotTranscripts(Path file) {
        assertThatThrownBy(() -> importers.read(TestData.bytes(file)))
                .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                    assertThat(e.type()).isEqualTo("unsupported-transcript-format");
                    assertThat(e.getMessage()).contains("verbatim", "aws-transcribe", "deepgram", "text");
                });
    }

    @Test
    void unsortedTurnsAreSortedByStart() {
        String json = """
                {"language": "en-US", "turns": [
                  {"speaker": "customer", "start": 5.0, "end": 6.0, "text": "Second."},
                  {"speaker": "agent", "start": 0.5, "end": 4.0, "text": "First."}]}""";
        Transcript t = importers.read(json.getBytes(), null, null);
        assertThat(t.turns()).extracting(Turn::text).containsExactly("First.", "Second.");
        assertThat(t.durationSeconds()).isEqualTo(6.0);
    }

    @Test
    void readsASerialisedTranscriptWithWordsChannelsAndUnlabelledSpeakers() {
        String json = """
                {"language": "en", "source": "pocketsphinx", "durationSeconds": 12.5, "rolesConfident": true,
                 "turns": [
                  {"speaker": "unknown", "speakerLabel": "spk_7", "channel": 0, "start": 1.0, "end": 2.0, "text": "hello there",
                   "words": [{"text": "hello", "start": 1.0, "end": 1.4, "confidence": 0.9},
                             {"text": "there", "start": 1.5, "end": 2.0, "confidence": 0.7}]}]}""";
        Transcript t = importers.read(json.getBytes(), "verbatim", null);
        Turn turn = t.turns().getFirst();
        assertThat(turn.speaker()).isEqualTo(Speaker.UNKNOWN);
        assertThat(turn.speakerLabel()).isEqualTo("spk_7");
        assertThat(turn.channel()).isZero();
        assertThat(turn.words()).hasSize(2);
        assertThat(turn.confidence()).isCloseTo(0.8, within(1e-9));
        assertThat(t.durationSeconds()).isEqualTo(12.5);
        assertThat(t.rolesConfident()).isFalse();
        assertThat(t.source()).isEqualTo("verbatim");
    }

    @Test
    void namedSpeakersAreGuessedAndTurnsWithoutTimesAreSynthesised() {
        String json = """
                [{"speaker": "Maria", "text": "Good morning, how can I help?"},
                 {"speaker": "Tom", "text": "My heater broke."}]""";
        Transcript t = importers.read(json.getBytes(), null, null);
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER);
        assertThat(t.rolesConfident()).isFalse();
        assertThat(t.turns().get(0).start()).isZero();
        assertThat(t.turns().get(0).end()).isCloseTo(6 / 2.5, within(1e-9));
        assertThat(t.turns().get(1).start()).isCloseTo(6 / 2.5 + 0.3, within(1e-9));

        Transcript mapped = importers.read(json.getBytes(), null, ChannelRoles.parse("Tom=agent"));
        assertThat(mapped.turns()).extracting(Turn::speaker).containsExactly(Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(mapped.rolesConfident()).isFalse();
        Transcript fullyMapped = importers.read(json.getBytes(), null, ChannelRoles.parse("Tom=agent,maria=customer"));
        assertThat(fullyMapped.rolesConfident()).isTrue();
    }

    @Test
    void aTurnEndingBeforeItStartsIsInvalid() {
        ObjectNode call = (ObjectNode) TestData.tree(TestData.call("sup_003.json"));
        ObjectNode turn = (ObjectNode) call.get("turns").get(4);
        turn.put("end", turn.get("start").doubleValue() - 1);
        assertThatThrownBy(() -> importers.read(TestData.bytes(call)))
                .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-transcript");
                    assertThat(e.getMessage()).contains("turns[4]", "ends");
                });
    }
}
