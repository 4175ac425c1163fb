package io.verbatim.analysis.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.BookingStatus;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.JudgeAnswers;
import io.verbatim.analysis.Judgment;
import io.verbatim.analysis.ObjectionCategory;
import io.verbatim.analysis.Owner;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.Qualification;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardItem;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.internal.scoring.ScorecardEngine;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.ingest.transcripts.TranscriptImporters;
import io.verbatim.speech.Transcript;
import io.verbatim.support.TestData;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The merge of the LLM's judgments into the built-in analysis of a real call (csr_002, scored by the real
 * built-in analyst): valid fields replace the built-in values, each invalid one falls back on its own, both
 * judgments are kept, the QA score is re-tallied, and the LLM's confidence is capped and lowered on disagreement.
 */
class LlmJudgmentMergeTest {

    private static Transcript call;
    private static AnalysisResult builtIn;
    private static Scorecard card;
    private static String prompt;

    @BeforeAll
    static void analyse() throws Exception {
        call = new TranscriptImporters().read(Files.readAllBytes(TestData.call("csr_002.json")));
        builtIn = new Analyst().analyse(call, new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of("csr"), "Tyler Nguyen"),
                QaConfigs.defaults(), new SentimentSignal(SentimentSignal.Polarity.NEUTRAL, SentimentSignal.Trend.STEADY, 0.7, 0.7));
        card = QaConfigs.defaults().scorecards().stream().filter(c -> c.key().equals(builtIn.scorecard().scorecard())).findFirst().orElseThrow();
        prompt = LlmJudgePrompt.of(LlmJudge.SCHEMA.toString(), call, card, 24_000).user();
    }

    private static AnalysisResult merged(Consumer<ObjectNode> change) {
        ObjectNode answer = JudgeAnswers.csr002(prompt);
        change.accept(answer);
        LlmVerdicts verdicts = new LlmVerdictReader(LlmJudge.SCHEMA, call, card).read(answer);
        return LlmJudgmentMerge.merge(builtIn, card, new LlmJudge.Answer(verdicts, 1, false, null), "openai:test");
    }

    private static List<String> keys() {
        return card.sections().stream().flatMap(s -> s.items().stream()).map(ScorecardItem::key).toList();
    }

    @Test
    void aValidAnswerReplacesEveryFieldAndKeepsBothJudgments() {
        assertThat(JudgeAnswers.itemKeys(prompt)).containsExactlyElementsOf(keys());
        AnalysisResult r = merged(a -> { });

        assertThat(r.llmJudging().status()).isEqualTo("ok");
        assertThat(r.llmJudging().fallbacks()).isEmpty();
        assertThat(r.llmJudging().llmFields()).contains("customer_sentiment", "sentiment_trend", "booking_status", "qualification",
                "objections", "action_items").containsAll(keys().stream().map(k -> "qa." + k).toList());
        // Every field the LLM judged has both judgments.
        for (String field : r.llmJudging().llmFields()) {
            assertThat(r.judgment(field, Judgment.BUILT_IN)).as(field).isNotNull();
            assertThat(r.judgment(field, Judgment.LLM)).as(field).isNotNull();
            assertThat(r.decision(field).source()).isEqualTo(Judgment.LLM);
        }
        // Every LLM judgment's evidence points into the transcript, in the transcript's own words.
        assertThat(r.judgments()).filteredOn(j -> j.source().equals(Judgment.LLM)).flatExtracting(Judgment::evidence).isNotEmpty()
                .allSatisfy(e -> assertThat(call.turns().get(e.turn()).text()).contains(e.quote()));
        // The final values are the LLM's.
        assertThat(r.outcomes().bookingStatus()).isEqualTo(BookingStatus.NOT_BOOKED);
        assertThat(r.outcomes().qualification()).isEqualTo(Qualification.WARM);
        assertThat(r.outcomes().resolution()).isEqualTo(builtIn.outcomes().resolution());
        assertThat(r.objections()).extracting(o -> o.turn() + ":" + o.category().wire())
                .containsExactly("7:price", "7:trust", "9:price", "13:decision_maker");
        assertThat(r.objections().get(3).category()).isEqualTo(ObjectionCategory.DECISION_MAKER);
        assertThat(r.actionItems()).extracting(a -> a.owner()).containsExactly(Owner.AGENT, Owner.CUSTOMER);
        assertThat(r.actionItems().get(0).evidence().turn()).isEqualTo(14);
        assertThat(r.scorecard().item("greeting").evidence()).singleElement()
                .satisfies(e -> assertThat(e.turn()).isZero());
        assertThat(r.scorecard().item("verified_customer").result()).isEqualTo(ItemStatus.NOT_APPLICABLE);
        // The QA score is re-tallied from the LLM's items: every applicable item passes (the interruption did not happen).
        assertThat(r.scorecard().score()).isEqualTo(100.0);
        assertThat(r.scorecard().passed()).isTrue();
        assertThat(r.scorecard()).isEqualTo(ScorecardEngine.tally(card, r.scorecard().items()));
        // The built-in values stay reachable for comparison.
        assertThat(r.llmJudging().builtIn().scorecard()).isEqualTo(builtIn.scorecard());
        assertThat(r.llmJudging().builtIn().objections()).isEqualTo(builtIn.objections());
        assertThat(r.llmJudging().builtIn().actionItems()).isEqualTo(builtIn.actionItems());
        assertThat(r.llmJudging().builtIn().outcomes()).isEqualTo(builtIn.outcomes());
        assertThat(r.llmJudging().builtIn().customerSentiment()).isEqualTo("neutral");
        assertThat(r.judgments()).containsAll(builtIn.judgments());
    }

    @Test
    void anItemWhoseQuoteIsNotInTheTranscriptKeepsTheBuiltInResult() {
        AnalysisResult r = merged(a -> {
            JudgeAnswers.item(a, "greeting").put("quote", "Good morning and welcome to ComfortPro, how may I help");
            JudgeAnswers.item(a, "closing").putNull("quote"); // met without evidence
        });
        for (String key : List.of("greeting", "closing")) {
            assertThat(r.scorecard().item(key)).isEqualTo(builtIn.scorecard().item(key));
            assertThat(r.judgment("qa." + key, Judgment.LLM)).isNull();
            assertThat(r.decision("qa." + key).source()).isEqualTo(Judgment.BUILT_IN);
            assertThat(r.llmJudging().llmFields()).doesNotContain("qa." + key);
        }
        assertThat(r.llmJudging().fallbacks()).extracting(f -> f.field() + " " + f.reason())
                .anySatisfy(f -> assertThat(f).startsWith("qa.greeting the quote is not in the transcript"))
                .anySatisfy(f -> assertThat(f).isEqualTo("qa.closing met without a quote"));
        assertThat(r.scorecard().item("identified_self").result()).isEqualTo(ItemStatus.MET);
        assertThat(r.judgment("qa.identified_self", Judgment.LLM)).isNotNull();
    }

    @Test
    void anInvalidFieldFallsBackAloneAndTheOthersAreTheLlms() {
        AnalysisResult r = merged(a -> {
            ((ObjectNode) a.get("booking_status")).put("value", "maybe");
            ((ObjectNode) a.get("objections")).withArray("items").addObject().put("turn", 6).put("category", "price")
                    .put("quote", "That's why we do a free in-home estimate."); // the agent's words: not an objection
            a.remove("action_items");
        });
        assertThat(r.outcomes().bookingStatus()).isEqualTo(builtIn.outcomes().bookingStatus());
        assertThat(r.objections()).isEqualTo(builtIn.objections());
        assertThat(r.actionItems()).isEqualTo(builtIn.actionItems());
        assertThat(r.llmJudging().fallbacks()).extracting(f -> f.field() + ": " + f.reason())
                .anySatisfy(f -> assertThat(f).startsWith("booking_status: $.booking_status.value: not one of"))
                .anySatisfy(f -> assertThat(f).isEqualTo("objections: an objection quotes the agent (turn 6)"))
                .anySatisfy(f -> assertThat(f).isEqualTo("action_items: missing"));
        assertThat(r.judgment("booking_status", Judgment.LLM)).isNull();
        assertThat(r.judgment("booking_status", Judgment.BUILT_IN)).isNotNull();
        assertThat(r.outcomes().qualification()).isEqualTo(Qualification.WARM);
        assertThat(r.judgment("customer_sentiment", Judgment.LLM)).isNotNull();
        assertThat(r.llmJudging().status()).isEqualTo("ok");
    }

    @Test
    void confidenceIsWhatTheModelStatesCappedAndLoweredWhenTheBuiltInDisagrees() {
        AnalysisResult r = merged(a -> {
            ((ObjectNode) a.get("customer_sentiment")).put("value", "neutral").put("confidence", 0.99);
            ((ObjectNode) a.get("sentiment_trend")).put("value", "improving").put("confidence", 0.75);
        });
        assertThat(r.judgment("customer_sentiment", Judgment.LLM).confidence()).isEqualTo(LlmJudgmentMerge.CAP);
        // The built-in analyst measured "steady": 0.75 - 0.2, below the review threshold.
        assertThat(r.judgment("sentiment_trend", Judgment.LLM).confidence()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.needsReview()).contains("sentiment_trend").doesNotContain("customer_sentiment");
        assertThat(LlmJudgmentMerge.confidence(0.95, true, true)).isEqualTo(LlmJudgmentMerge.TRUNCATED_CAP);
        assertThat(LlmJudgmentMerge.confidence(0.1, false, false)).isZero();
    }

    @Test
    void eachFieldComesFromTheLatestAnswerThatGaveItValidly() {
        LlmVerdictReader reader = new LlmVerdictReader(LlmJudge.SCHEMA, call, card);
        ObjectNode first = JudgeAnswers.csr002(prompt);
        ((ObjectNode) first.get("qualification")).put("value", "lukewarm");
        ObjectNode second = JudgeAnswers.csr002(prompt);
        ((ObjectNode) second.get("booking_status")).put("quote", "I booked the visit for Tuesday");
        JudgeAnswers.item(second, "greeting").put("quote", "Hello there");
        LlmVerdicts combined = LlmVerdicts.latestValid(List.of(reader.read(first), reader.read(second)));
        assertThat(combined.booking().value()).isEqualTo(BookingStatus.NOT_BOOKED);
        assertThat(combined.qualification().value()).isEqualTo(Qualification.WARM);
        assertThat(combined.items().get("greeting").value()).isEqualTo(ItemStatus.MET);
        assertThat(combined.problems()).isEmpty();
    }
}
