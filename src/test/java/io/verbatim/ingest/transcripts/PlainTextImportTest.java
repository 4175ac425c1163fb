package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Plain-text "Speaker: text" transcripts. */
class PlainTextImportTest {

    private final TranscriptImporters importers = new TranscriptImporters();

    private Transcript read(String text) {
        return importers.read(text.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Test
    void roleLabelsWithSynthesisedTimings() {
        Transcript t = read("""
                Agent: Thank you for calling, this is Dana.
                Customer: Hi, my card was stolen.

                Agent: I'm sorry to hear that.
                """);
        assertThat(t.source()).isEqualTo("text");
        assertThat(t.rolesConfident()).isTrue();
        assertThat(t.language()).isNull();
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(t.turns()).extracting(Turn::speakerLabel).containsExactly("Agent", "Customer", "Agent");
        assertThat(t.turns().get(1).text()).isEqualTo("Hi, my card was stolen.");
        // 7 words at 2.5 words/s, then a 0.3 s gap
        assertThat(t.turns().get(0).start()).isZero();
        assertThat(t.turns().get(0).end()).isCloseTo(2.8, within(1e-9));
        assertThat(t.turns().get(1).start()).isCloseTo(3.1, within(1e-9));
        assertThat(t.turns().get(1).end()).isCloseTo(3.1 + 2.0, within(1e-9));
        assertThat(t.durationSeconds()).isEqualTo(t.turns().getLast().end());
        assertThat(t.turns()).allSatisfy(turn -> assertThat(turn.words()).isEmpty());
    }

    @Test
    void namesAreKeptAndGuessed() {
        Transcript t = read("""
                Dana Smith: Good morning, Acme Bank.
                Bob: Hi, I lost my card.
                Dana Smith: Let me help.
                Alice: Bob, ask about the fee.
                """);
        assertThat(t.rolesConfident()).isFalse();
        assertThat(t.turns()).extracting(Turn::speakerLabel).containsExactly("Dana Smith", "Bob", "Dana Smith", "Alice");
        assertThat(t.turns()).extracting(Turn::speaker)
                .containsExactly(Speaker.AGENT, Speaker.CUSTOMER, Speaker.AGENT, Speaker.CUSTOMER);

        Transcript mapped = importers.read("Bob: Hi.\nDana Smith: Hello.".getBytes(), "text",
                ChannelRoles.parse("dana smith=agent,bob=customer"));
        assertThat(mapped.turns()).extracting(Turn::speaker).containsExactly(Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(mapped.rolesConfident()).isTrue();
    }

    @Test
    void timeStampsGiveStartsAndCapEnds() {
        Transcript t = read("""
                [00:00:01] Agent: Hello, thanks for calling, how can I help you today with your account?
                [00:00:03] Customer: Hi.
                [00:01:02.5] Agent: Still there?
                """);
        assertThat(t.turns()).extracting(Turn::start).containsExactly(1.0, 3.0, 62.5);
        assertThat(t.turns().get(0).end()).as("cut at the next stamp").isEqualTo(3.0);
        assertThat(t.turns().get(1).end()).isCloseTo(3.4, within(1e-9));
        assertThat(t.turns().get(2).end()).isCloseTo(62.5 + 0.8, within(1e-9));
    }

    @Test
    void otherStampStylesAndContinuationLines() {
        Transcript t = read("""
                01:05 - Rep: Let me check
                that for you.
                Caller (01:10): Thanks: that helps.
                """);
        assertThat(t.turns()).hasSize(2);
        assertThat(t.turns().get(0).text()).isEqualTo("Let me check that for you.");
        assertThat(t.turns().get(0).start()).isEqualTo(65.0);
        assertThat(t.turns().get(0).speaker()).isEqualTo(Speaker.AGENT);
        assertThat(t.turns().get(1).start()).isEqualTo(70.0);
        assertThat(t.turns().get(1).speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(t.turns().get(1).text()).isEqualTo("Thanks: that helps.");
    }

    @Test
    void outOfOrderStampsAreSorted() {
        Transcript t = read("[00:10] Customer: Later.\n[00:02] Agent: Earlier.\n");
        assertThat(t.turns()).extracting(Turn::text).containsExactly("Earlier.", "Later.");
    }

    @Test
    void byteOrderMarksAndCrlf() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] body = "Agent: Hi.\r\nCustomer: Hello.\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);
        assertThat(importers.read(content).turns()).extracting(Turn::text).containsExactly("Hi.", "Hello.");

        byte[] utf16 = "\uFEFFAgent: Hola.\nCustomer: Buenas.".getBytes(StandardCharsets.UTF_16BE);
        assertThat(importers.read(utf16).turns()).extracting(Turn::text).containsExactly("Hola.", "Buenas.");
    }

    @Test
    void textThatIsNotATranscript() {
        assertThatThrownBy(() -> read("Meeting notes\nWe discussed the budget."))
                .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                    assertThat(e.type()).isEqualTo("unsupported-transcript-format");
                    assertThat(e.status().value()).isEqualTo(415);
                });
        assertThatThrownBy(() -> importers.read("Meeting notes\nAgent: hi".getBytes(), "txt", null))
                .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-transcript");
                    assertThat(e.getMessage()).contains("line 1");
                });
        assertThatThrownBy(() -> read("1\n00:00:01,000 --> 00:00:02,000\nHello\n"))
                .as("SubRip is not read")
                .isInstanceOf(TranscriptImportException.class);
    }

    @Test
    void onlyEmptyTurnsIsInvalid() {
        assertThatThrownBy(() -> read("Agent:\nCustomer:   \n"))
                .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-transcript");
                    assertThat(e.getMessage()).contains("no turns");
                });
    }
}
