package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ask.AccessKeys;
import io.verbatim.ask.PassageFilter;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.HybridSearcher.Hit;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How much of a question a passage holds (coverage), and the gate chat answers through. */
class AnswerGateTest {

    private static final String TENANT = "gate";
    private final UUID collection = UUID.randomUUID();
    private final HashingEmbedder embedder = new HashingEmbedder();
    private final HybridSearcher searcher = new HybridSearcher(50, 60, 0);
    @TempDir
    Path dir;
    private TenantIndexes indexes;

    @BeforeEach
    void index() {
        indexes = new TenantIndexes(dir);
        List<String> texts = List.of(
                "The furnace warranty covers parts for ten years and labour for one year after installation.",
                "Refunds are paid within fourteen days when a visit is cancelled a day ahead.",
                "Our technicians arrive within a two hour window and call before they come.",
                "A maintenance plan includes two tune-ups a year and a discount on repairs.");
        TenantIndex index = indexes.current(TENANT);
        for (int i = 0; i < texts.size(); i++) {
            UUID source = UUID.nameUUIDFromBytes(("doc" + i).getBytes());
            SourcePassage p = new SourcePassage(texts.get(i), 1, null, null, Map.of());
            index.replace(PassageDocuments.sourceTerm(SourceKind.DOCUMENT, source), List.of(PassageDocuments.document(TENANT,
                    SourceKind.DOCUMENT, source, 0, p, embedder.embed(p.text()), embedder.modelId(), AccessKeys.collection(collection))));
        }
        index.commit(1);
    }

    @AfterEach
    void close() {
        indexes.closeAll();
    }

    private List<Hit> search(String question) {
        var filter = PassageFilters.toQuery(TENANT, PassageFilter.documents(Set.of(collection)));
        return searcher.search(indexes.current(TENANT), question, null, filter, 10, Mode.BM25);
    }

    @Test
    void aPassageHoldingEveryWordOfTheQuestionCoversItWhole() {
        Hit best = search("What does the furnace warranty cover?").getFirst();
        assertThat(best.document().get(ChunkDocuments.TEXT)).contains("furnace warranty");
        assertThat(best.coverage()).isEqualTo(1.0);
    }

    @Test
    void wordsNoPassageHoldsWeighMostSoAnOffTopicQuestionIsBarelyCovered() {
        // "team", "won", "world", "cup" are in no passage; "year" is in two: the share held is small.
        List<Hit> hits = search("Which team won the world cup that year?");
        assertThat(hits).isNotEmpty();
        assertThat(hits).allSatisfy(h -> assertThat(h.coverage()).isLessThan(0.2));
        AnswerGate gate = new AnswerGate(0.475, 0.325, 0.10);
        assertThat(hits).noneMatch(gate::admits);
    }

    @Test
    void theGateAsksVectorOnlyPassagesForTheHigherFloorAndWordMatchesForCoverageToo() {
        AnswerGate gate = new AnswerGate(0.5, 0.3, 0.2);
        assertThat(gate.admits(hit(0, 3, 0.55, 0))).isTrue(); // only the vectors found it, similar enough
        assertThat(gate.admits(hit(0, 3, 0.45, 0))).isFalse();
        assertThat(gate.admits(hit(2, 0, 0.35, 0.5))).isTrue(); // BM25 found it, lower floor, covers half the question
        assertThat(gate.admits(hit(2, 0, 0.35, 0.1))).isFalse(); // a passing word match
        assertThat(gate.admits(hit(2, 0, 0.25, 0.9))).isFalse(); // every word, nothing of the meaning
        assertThat(gate.admits(hit(1, 0, Double.NaN, 0.5))).isTrue(); // no question vector: coverage decides
    }

    private static Hit hit(int bm25Rank, int vectorRank, double similarity, double coverage) {
        return new Hit("x:0", UUID.randomUUID(), 0.1, bm25Rank, vectorRank, similarity, coverage, null);
    }
}
