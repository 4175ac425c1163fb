package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import io.verbatim.ingest.transcripts.TranscriptImporters;
import io.verbatim.speech.Transcript;
import io.verbatim.support.FakeChatCompletions;
import io.verbatim.support.TestData;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LLM as judge over HTTP (a local server speaking the OpenAI chat-completions protocol): retried once
 * on invalid output, a failing server leaves every value built-in, a long conversation is cut in the middle.
 */
class LlmJudgeTest {

    private static Transcript call;
    private static AnalysisResult builtIn;
    private final FakeChatCompletions llm = new FakeChatCompletions();

    @BeforeAll
    static void analyse() throws Exception {
        call = new TranscriptImporters().read(Files.readAllBytes(TestData.call("csr_002.json")));
        builtIn = new Analyst().analyse(call, new ConversationAttributes(Channel.PHONE, Direction.INBOUND, Set.of("csr"), "Tyler Nguyen"),
                QaConfigs.defaults(), new SentimentSignal(SentimentSignal.Polarity.NEUTRAL, SentimentSignal.Trend.STEADY, 0.7, 0.7));
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    private GenerativeAnalyst analyst(int attempts, int chunkChars) {
        return new GenerativeAnalyst(LlmProviders.create(new LlmSettings(LlmSettings.Provider.OPENAI, llm.baseUrl(), "sk-test", "gpt-test",
                10, attempts, chunkChars)), attempts, chunkChars);
    }

    @Test
    void judgesAndThenSummarisesFromTheJudgedValues() {
        llm.answer(chat -> JudgeAnswers.isJudging(chat.system()) ? JudgeAnswers.csr002(chat.user()).toString() : JudgeAnswers.SUMMARY);
        AnalysisResult r = analyst(3, 12_000).enrich(call, builtIn, QaConfigs.defaults());
        assertThat(r.llmJudging().status()).isEqualTo("ok");
        assertThat(r.llmJudging().attempts()).isEqualTo(1);
        assertThat(r.llmJudging().provider()).isEqualTo("openai:gpt-test");
        assertThat(r.llm().status()).isEqualTo("ok");
        assertThat(llm.chats()).hasSize(2);
        var judging = llm.chats().get(0);
        // The prompt: general label definitions, the schema, the scorecard's items with descriptions, the numbered transcript.
        assertThat(judging.system()).contains("A scheduled callback is not a booking").contains("\"objections\"");
        assertThat(judging.user()).contains("- key: greeting | ").contains("[13 ").contains("customer: Okay. I think, let me talk to my husband first.");
        assertThat(judging.user()).doesNotContain("left out");
        // The summary is written from the judged values.
        assertThat(llm.chats().get(1).user()).contains("objection (decision_maker): let me talk to my husband first");
    }

    @Test
    void invalidOutputIsRetriedOnceWithTheProblems() {
        List<String> answers = new ArrayList<>(List.of("Sure! The call went fine.", "{}"));
        llm.answer(chat -> {
            if (!JudgeAnswers.isJudging(chat.system())) {
                return JudgeAnswers.SUMMARY;
            }
            return answers.isEmpty() ? JudgeAnswers.csr002(chat.user()).toString() : answers.remove(0);
        });
        AnalysisResult retried = analyst(3, 12_000).judge(call, builtIn, QaConfigs.defaults());
        // Retried once only (not the summary's three attempts): both answers invalid, every value built-in.
        assertThat(retried.llmJudging().attempts()).isEqualTo(2);
        assertThat(retried.llmJudging().status()).isEqualTo("failed");
        assertThat(llm.chats().get(1).user()).contains("Your previous answer had these problems: not valid JSON");
        assertThat(retried.scorecard()).isEqualTo(builtIn.scorecard());
        assertThat(retried.judgments()).isEqualTo(builtIn.judgments());
        assertThat(retried.llmJudging().fallbacks()).extracting(LlmJudging.Fallback::field).contains("booking_status", "qa.greeting");

        AnalysisResult fixed = analyst(3, 12_000).judge(call, builtIn, QaConfigs.defaults());
        assertThat(fixed.llmJudging().attempts()).isEqualTo(1);
        assertThat(fixed.llmJudging().status()).isEqualTo("ok");
    }

    @Test
    void aFailingServerLeavesEveryValueBuiltIn() {
        llm.status(500);
        AnalysisResult r = analyst(3, 12_000).enrich(call, builtIn, QaConfigs.defaults());
        assertThat(r.llmJudging().status()).isEqualTo("failed");
        assertThat(r.llmJudging().error()).isNotBlank();
        assertThat(r.llmJudging().attempts()).isEqualTo(1); // a server error is not retried as invalid output
        assertThat(r.llm().status()).isEqualTo("failed");
        assertThat(r.scorecard()).isEqualTo(builtIn.scorecard());
        assertThat(r.outcomes()).isEqualTo(builtIn.outcomes());
        assertThat(r.objections()).isEqualTo(builtIn.objections());
        assertThat(r.actionItems()).isEqualTo(builtIn.actionItems());
        assertThat(r.judgments()).isEqualTo(builtIn.judgments()).noneMatch(j -> j.source().equals(Judgment.LLM));
        assertThat(r.llmJudging().builtIn().scorecard()).isEqualTo(builtIn.scorecard());
    }

    @Test
    void aLongConversationIsCutInTheMiddleAndItsConfidenceCapped() {
        llm.answer(chat -> JudgeAnswers.isJudging(chat.system()) ? JudgeAnswers.csr002(chat.user()).toString() : JudgeAnswers.SUMMARY);
        // Budget 2 x 1,000 characters: the middle of csr_002 (about 3,000) is left out; quotes in what was shown still verify.
        AnalysisResult r = analyst(3, 1_000).judge(call, builtIn, QaConfigs.defaults());
        String user = llm.chats().get(0).user();
        assertThat(user).contains("[0 1.6-8.6s] agent: Thanks for calling").contains("[23 ").containsPattern("turns \\d+ to \\d+ are left out");
        assertThat(r.llmJudging().truncated()).isTrue();
        assertThat(r.judgments()).filteredOn(j -> j.source().equals(Judgment.LLM)).isNotEmpty()
                .allSatisfy(j -> assertThat(j.confidence()).isLessThanOrEqualTo(0.7));
    }
}
