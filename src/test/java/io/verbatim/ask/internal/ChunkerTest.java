package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import io.verbatim.support.TestData;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChunkerTest {

    private final Chunker chunker = new Chunker(192, 256, 48, Chunker::estimateTokens);

    static List<Turn> turns(String call) throws Exception {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(TestData.call(call)));
        List<Turn> turns = new ArrayList<>();
        for (JsonNode t : root.get("turns")) {
            turns.add(new Turn(Speaker.fromWire(t.get("speaker").asString()), null, null, t.get("start").asDouble(),
                    t.get("end").asDouble(), t.get("text").asString(), List.of(), null));
        }
        return turns;
    }

    @Test
    void windowsCoverEveryTurnInOrderWithOverlapAndStayUnderTheModelLimit() throws Exception {
        List<Turn> turns = turns("fs_007.json");
        List<Chunk> chunks = chunker.chunk(turns);
        assertThat(chunks).hasSizeBetween(3, 8);
        assertThat(chunks.getFirst().firstTurn()).isZero();
        assertThat(chunks.getLast().lastTurn()).isEqualTo(turns.size() - 1);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(c.seq()).isEqualTo(i);
            assertThat(c.tokens()).isLessThanOrEqualTo(256);
            assertThat(Chunker.estimateTokens(c.text())).isLessThanOrEqualTo(256);
            if (i > 0) {
                Chunk previous = chunks.get(i - 1);
                assertThat(c.firstTurn()).as("no gap").isLessThanOrEqualTo(previous.lastTurn() + 1);
                assertThat(c.firstTurn()).as("moves forward").isGreaterThan(previous.firstTurn());
            }
        }
        assertThat(chunks.stream().anyMatch(c -> c.firstTurn() <= chunks.getFirst().lastTurn() && c.seq() == 1))
                .as("consecutive windows share a turn").isTrue();
        Chunk first = chunks.getFirst();
        assertThat(first.text()).startsWith("Agent: Good afternoon, Mr. Papadakis?").contains("\nCustomer: Call me George.");
        assertThat(first.start()).isEqualTo(turns.getFirst().start());
        assertThat(first.end()).isEqualTo(turns.get(first.lastTurn()).end());
    }

    @Test
    void aTurnLongerThanTheModelLimitIsSplitIntoPartsThatKeepItsIndex() {
        String sentence = "We replace the whole unit, seal the ducts and haul away the old tank at no extra cost. ";
        List<Turn> turns = List.of(
                new Turn(Speaker.CUSTOMER, null, null, 0, 2, "How much for everything?", List.of(), null),
                new Turn(Speaker.AGENT, null, null, 2, 90, sentence.repeat(20), List.of(), null),
                new Turn(Speaker.CUSTOMER, null, null, 90, 92, "Okay.", List.of(), null));
        List<Chunk> chunks = chunker.chunk(turns);
        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(256));
        long parts = chunks.stream().flatMap(c -> c.turns().stream()).filter(t -> t.index() == 1).map(Chunk.ChunkTurn::text)
                .distinct().count();
        assertThat(parts).isGreaterThan(1);
        assertThat(chunks.getLast().lastTurn()).isEqualTo(2);
    }

    @Test
    void emptyTurnsAreSkippedAndAnEmptyTranscriptHasNoChunks() {
        assertThat(chunker.chunk(List.of())).isEmpty();
        List<Chunk> chunks = chunker.chunk(List.of(new Turn(Speaker.AGENT, null, null, 0, 1, "  ", List.of(), null),
                new Turn(Speaker.CUSTOMER, null, null, 1, 2, "Hello there.", List.of(), null)));
        assertThat(chunks).hasSize(1);
        assertThat(chunks.getFirst().firstTurn()).isEqualTo(1);
    }

    @Test
    void theTokenEstimateIsCloseToTheModelsTokenizer() {
        // The model's tokenizer (HuggingFaceTokenCountEstimator) counts 25 for this sentence.
        assertThat(Chunker.estimateTokens("Sixteen thousand? Oh my god. Okay, that's, yeah, that's a lot more than I thought."))
                .isBetween(21, 29);
    }
}
