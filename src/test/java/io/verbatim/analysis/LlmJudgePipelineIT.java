package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.FakeChatCompletions;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.PublishedSchemas;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Through the real pipeline (a transcript imported through the API) with the tenant's LLM a local server
 * speaking the OpenAI chat-completions protocol: the LLM's valid judgments are the final values, both
 * judgments are in the flat call record, the built-in values are in the v1.0 document
 * ({@code analysis.llm_judging.built_in}); an invalid item or field falls back alone; a failing LLM leaves
 * everything built-in and the conversation completed.
 */
class LlmJudgePipelineIT extends PlatformTest {

    @Autowired
    TenantStorage storage;

    @Autowired
    Tenants tenants;

    private final FakeChatCompletions llm = new FakeChatCompletions();
    private String admin;

    @BeforeEach
    void configure() {
        admin = api.token("admin@demo.local");
        assertThat(api.send("PUT", "/api/v1/credentials/llm", admin, Map.of(), "{\"api_key\":\"sk-judge\"}").status()).isBetween(200, 201);
        assertThat(api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), """
                {"llm":{"provider":"openai","base_url":"%s","model":"judge-model","credential":"llm"}}""".formatted(llm.baseUrl()))
                .status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), "{}");
        llm.close();
    }

    private void judgeAnswers(Consumer<ObjectNode> change) {
        llm.answer(chat -> {
            if (!JudgeAnswers.isJudging(chat.system())) {
                return JudgeAnswers.SUMMARY;
            }
            ObjectNode answer = JudgeAnswers.csr002(chat.user());
            change.accept(answer);
            return answer.toString();
        });
    }

    /** The call record, the QA record and the v1.0 document of csr_002 analysed now. */
    private record Analysed(JsonNode call, JsonNode qa, JsonNode full) {

        JsonNode judging() {
            return full.path("analysis").path("llm_judging");
        }

        List<String> judgments(String field) {
            return StreamSupport.stream(call.get("judgments").spliterator(), false).filter(j -> j.get("field").asString().equals(field))
                    .map(j -> j.get("source").asString() + "=" + j.get("value").asString(null)).toList();
        }

        JsonNode qaItem(JsonNode items, String key) {
            return StreamSupport.stream(items.spliterator(), false).filter(i -> i.get("key").asString().equals(key)).findFirst().orElseThrow();
        }
    }

    private Analysed analyse() throws Exception {
        Uploads uploads = new Uploads(api);
        var r = uploads.upload(admin, new Part("transcript", "csr_002.json", "application/json",
                Files.readAllBytes(TestData.call("csr_002.json"))),
                Part.json("metadata", "{\"external_id\":\"judge-" + UUID.randomUUID() + "\",\"direction\":\"inbound\",\"tags\":[\"csr\"]}"));
        String id = r.body().get("id").asString();
        assertThat(uploads.awaitStatus(admin, id, Duration.ofSeconds(120), "completed", "failed").get("status").asString())
                .isEqualTo("completed");
        JsonNode analysis = api.get("/api/v1/conversations/" + id + "/analysis", admin).body();
        var blobs = storage.forTenant(tenants.get(new TenantId("demo-tenant")));
        try (var content = blobs.get(blobs.layout().analysis(id))) {
            return new Analysed(analysis.get("call"), analysis.get("qa"), api.json().readTree(content.readAllBytes()));
        }
    }

    @Test
    void theLlmsJudgmentsAreUsedAndBothAreStored() throws Exception {
        judgeAnswers(a -> { });
        Analysed a = analyse();
        assertThat(a.judging().path("status").asString()).isEqualTo("ok");
        assertThat(a.judging().path("provider").asString()).isEqualTo("openai:judge-model");
        // Final values: the LLM's.
        assertThat(a.call().get("qualification").asString()).isEqualTo("warm");
        assertThat(a.call().get("booking_status").asString()).isEqualTo("not_booked");
        assertThat(a.call().get("objections")).extracting(o -> o.get("turn").asInt() + ":" + o.get("category").asString())
                .containsExactly("7:price", "7:trust", "9:price", "13:decision_maker");
        assertThat(a.call().get("action_items").get(0).get("text").asString()).isEqualTo("Email the rebate and financing information to the customer");
        assertThat(a.qa().get("score").asDouble()).isEqualTo(100.0);
        assertThat(a.qaItem(a.qa().get("items"), "value_added").get("evidence").get(0).get("turn").asInt()).isEqualTo(10);
        // Both judgments of each field.
        for (String field : List.of("customer_sentiment", "sentiment_trend", "booking_status", "qualification", "objections",
                "action_items", "qa.greeting", "qa.closing")) {
            assertThat(a.judgments(field)).as(field).anyMatch(j -> j.startsWith("built_in=")).anyMatch(j -> j.startsWith("llm="));
        }
        assertThat(a.judgments("objections")).contains("llm=4");
        // The built-in values, for comparison.
        JsonNode builtIn = a.judging().path("built_in");
        assertThat(builtIn.path("scorecard").path("items").size()).isEqualTo(a.qa().get("items").size());
        assertThat(builtIn.path("outcomes").has("booking_status")).isTrue();
        assertThat(builtIn.path("objections").isArray()).isTrue();
        assertThat(builtIn.path("customer_sentiment").asString()).isNotBlank();
        assertThat(a.call().get("abstractive_summary").asString()).contains("ballpark price");
        assertThat(PublishedSchemas.violations("calls-v2.0-flat.schema.json", a.call().toString())).isEmpty();
        assertThat(PublishedSchemas.violations("qa-v2.0-flat.schema.json", a.qa().toString())).isEmpty();
    }

    @Test
    void anItemWhoseQuoteIsNotInTheTranscriptFallsBackToBuiltIn() throws Exception {
        judgeAnswers(answer -> JudgeAnswers.item(answer, "closing").put("quote", "Thank you so much for choosing ComfortPro today"));
        Analysed a = analyse();
        JsonNode builtInClosing = a.qaItem(a.judging().path("built_in").path("scorecard").path("items"), "closing");
        assertThat(a.qaItem(a.qa().get("items"), "closing").get("result").asString()).isEqualTo(builtInClosing.get("result").asString());
        assertThat(a.judgments("qa.closing")).allMatch(j -> j.startsWith("built_in="));
        assertThat(a.judgments("qa.greeting")).anyMatch(j -> j.startsWith("llm="));
        assertThat(a.judging().path("fallbacks")).anySatisfy(f -> {
            assertThat(f.get("field").asString()).isEqualTo("qa.closing");
            assertThat(f.get("reason").asString()).contains("not in the transcript");
        });
    }

    @Test
    void aFieldGivenInvalidlyFallsBackToBuiltIn() throws Exception {
        judgeAnswers(answer -> ((ObjectNode) answer.get("booking_status")).put("value", "pencilled_in"));
        Analysed a = analyse();
        String builtInBooking = a.judging().path("built_in").path("outcomes").path("booking_status").asString(null);
        assertThat(a.call().get("booking_status").asString(null)).isEqualTo(builtInBooking);
        assertThat(a.judgments("booking_status")).containsExactly("built_in=" + builtInBooking);
        assertThat(a.call().get("qualification").asString()).isEqualTo("warm");
        assertThat(a.judging().path("fallbacks").get(0).get("field").asString()).isEqualTo("booking_status");
        // Retried once with the problem, then the valid fields were used.
        assertThat(a.judging().path("attempts").asInt()).isEqualTo(2);
        assertThat(llm.chats().get(1).user()).contains("booking_status: $.booking_status.value: not one of");
    }

    @Test
    void aFailingLlmLeavesEveryValueBuiltIn() throws Exception {
        llm.status(500);
        Analysed a = analyse();
        assertThat(a.judging().path("status").asString()).isEqualTo("failed");
        assertThat(a.call().get("judgments")).isNotEmpty().allMatch(j -> j.get("source").asString().equals("built_in"));
        JsonNode builtIn = a.judging().path("built_in");
        assertThat(a.call().get("objections").size()).isEqualTo(builtIn.path("objections").size());
        assertThat(a.qa().get("score").asDouble()).isEqualTo(builtIn.path("scorecard").path("score").asDouble());
        assertThat(a.call().has("abstractive_summary")).isFalse();
        assertThat(llm.chats()).isNotEmpty();
    }
}
