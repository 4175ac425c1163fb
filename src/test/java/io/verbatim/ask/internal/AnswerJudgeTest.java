package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ask.internal.HybridSearcher.Hit;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.junit.jupiter.api.Test;

/** The answer gate judges on MiniLM's cosine whatever model ranked the passages. */
class AnswerJudgeTest {

    private static final String QUESTION = "What does the furnace warranty cover?";
    private static final MiniLmEmbedder MINILM = new MiniLmEmbedder();

    @Test
    void withAnotherIndexModelEachPassageIsJudgedOnMiniLmsCosineNotTheIndexs() {
        AnswerJudge judge = new AnswerJudge(new HashingEmbedder(), MINILM);
        assertThat(judge.rescores()).isTrue();
        // The index called both passages near-identical to the question (0.99); MiniLM tells them apart.
        Hit warranty = hit(0, 1, 0.99, 0, "The furnace warranty covers parts for ten years and labour for one year.");
        Hit parking = hit(0, 2, 0.99, 0, "The office parking lot is repaved every spring by the city.");
        // A word match holding too little of the question fails the gate without a network run.
        Hit passing = hit(1, 0, 0.99, 0.05, "Warranty registration forms are in the lobby.");
        List<AnswerJudge.Judged> judged = judge.judge(QUESTION, List.of(warranty, parking, passing));

        assertThat(judged).extracting(AnswerJudge.Judged::answers).containsExactly(true, false, false);
        assertThat(judged.get(0).similarity()).isGreaterThan(judge.gate().vectorFloor());
        assertThat(judged.get(1).similarity()).isLessThan(judge.gate().vectorFloor());
        assertThat(judged.get(2).similarity()).isNaN();
        // The same again (the passages' vectors now come from the cache): the same judgement.
        assertThat(judge.judge(QUESTION, List.of(warranty, parking, passing))).extracting(AnswerJudge.Judged::similarity)
                .containsExactly(judged.get(0).similarity(), judged.get(1).similarity(), Double.NaN);
    }

    @Test
    void withMiniLmIndexingTheSearchsOwnCosinesAreJudged() {
        AnswerJudge judge = new AnswerJudge(MINILM);
        assertThat(judge.rescores()).isFalse();
        List<AnswerJudge.Judged> judged = judge.judge(QUESTION, List.of(hit(0, 1, 0.5, 0, "anything"), hit(0, 2, 0.4, 0, "anything")));
        assertThat(judged).extracting(AnswerJudge.Judged::answers).containsExactly(true, false);
        assertThat(judged).extracting(AnswerJudge.Judged::similarity).containsExactly(0.5, 0.4);
    }

    @Test
    void theQuestionsVectorIsTheJudgesAndEachCosineIsItsDotProduct() {
        AnswerJudge judge = new AnswerJudge(new HashingEmbedder(), MINILM);
        String passage = "Refunds are paid within fourteen days.";
        AnswerJudge.Cosines c = judge.cosines("When are refunds paid?", List.of(passage));
        float[] q = MINILM.embed("When are refunds paid?");
        float[] p = MINILM.embed(passage);
        double dot = 0;
        for (int i = 0; i < q.length; i++) {
            dot += q[i] * p[i];
        }
        assertThat(c.question()).hasSize(MiniLmEmbedder.DIMENSIONS);
        assertThat(c.values()[0]).isCloseTo(dot, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void theJudgeReadsTheSentencesAroundTheQuestionsWordsWithinItsWindow() {
        String passage = "Our company was founded in 1998. We serve three counties. The furnace warranty covers parts for ten years. "
                + "Labour is covered for one year. Payment is due on completion.";
        var question = AnswerJudge.questionTerms(QUESTION);
        // Room for about two sentences: the one with the question's words and the one after it.
        assertThat(AnswerJudge.window(passage, question, 18))
                .isEqualTo("The furnace warranty covers parts for ten years. Labour is covered for one year.");
        // Nothing of the question: the window starts at the beginning.
        assertThat(AnswerJudge.window(passage, java.util.Set.of("zebra"), 8)).isEqualTo("Our company was founded in 1998.");
        // A window as long as the passage, or a single sentence: the text itself.
        assertThat(AnswerJudge.window(passage, question, 500)).isEqualTo(passage.strip());
        assertThat(AnswerJudge.window("One long sentence without an end", question, 2)).isEqualTo("One long sentence without an end");
    }

    private static Hit hit(int bm25Rank, int vectorRank, double similarity, double coverage, String text) {
        Document d = new Document();
        d.add(new StoredField(ChunkDocuments.TEXT, text));
        return new Hit(UUID.randomUUID() + ":0", UUID.randomUUID(), 0.1, bm25Rank, vectorRank, similarity, coverage, d);
    }
}
