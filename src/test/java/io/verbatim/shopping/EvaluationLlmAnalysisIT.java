package io.verbatim.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.FakeChatCompletions;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.PublishedSchemas;
import io.verbatim.support.ShoppingFixture;
import io.verbatim.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The two views by the tenant's configured LLM (a local server speaking the chat-completions protocol), end to end:
 * a Spanish visit's transcript through the pipeline, each view from the LLM where its answer is valid, quotes the
 * transcript does not have dropped, the built-in view where the answer is malformed; the analysis says which wrote which.
 */
class EvaluationLlmAnalysisIT extends PlatformTest {

    static final String T = "demo-tenant";
    private final FakeChatCompletions llm = new FakeChatCompletions();
    String admin;
    String shopper;
    String manager;
    String evaluation;

    @BeforeEach
    void evaluationWithTheTenantsLlm() {
        admin = api.token("admin@demo.local");
        assertThat(api.send("PUT", "/api/v1/credentials/llm", admin, Map.of(), "{\"api_key\":\"sk-shop\"}").status()).isBetween(200, 201);
        assertThat(api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), """
                {"llm":{"provider":"openai","base_url":"%s","model":"shop-model","credential":"llm"}}""".formatted(llm.baseUrl()))
                .status()).isEqualTo(200);
        String zone = ShoppingFixture.zone(api, admin, "Santiago Centro");
        shopper = ShoppingFixture.shopper(api, T);
        manager = ShoppingFixture.manager(api, T);
        String campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, T, shopper), ShoppingFixture.userId(api, T, manager));
        evaluation = api.post("/api/v1/evaluations", api.token(shopper), ShopperEvaluationApiIT.body(campaign, zone, ShopperEvaluationApiIT.GOOD))
                .body().get("id").asString();
    }

    @AfterEach
    void stop() {
        api.send("PUT", "/api/v1/analysis/ai-config", admin, Map.of(), "{}");
        llm.close();
    }

    @Test
    void theLlmWritesBothViewsWithQuotesFromTheVisitOnly() throws Exception {
        llm.answer(chat -> chat.system().contains("executive view of a mystery-shopping visit")
                ? io.verbatim.shopping.internal.LlmViewsAnswers.executive("¡Ay, qué bien! Entonces le recomiendo nuestra Cuenta Meta.",
                        "La atención fue un desastre total")
                : chat.system().contains("operations team")
                ? io.verbatim.shopping.internal.LlmViewsAnswers.operative("Mi nombre es Yokasta", "eso me gusta", "Nunca vuelvo aquí")
                : "{}");
        JsonNode analysis = analysed();
        assertThat(analysis.at("/sources/executive").asString()).isEqualTo("llm");
        assertThat(analysis.at("/sources/operative").asString()).isEqualTo("llm");
        assertThat(analysis.at("/sources/llm/provider").asString()).isEqualTo("openai:shop-model");
        assertThat(analysis.at("/sources/llm/dropped_quotes").toString()).contains("\"verbatims.critical\"", "Nunca vuelvo aquí",
                "\"executive.key_quotes\"", "La atención fue un desastre total");

        String markdown = analysis.at("/executive/markdown").asString();
        assertThat(markdown).startsWith("# Resumen ejecutivo").contains("## Citas clave", "le recomiendo nuestra Cuenta Meta")
                .doesNotContain("un desastre total");
        assertThat(analysis.at("/executive/nps").asInt()).isEqualTo(8);

        JsonNode operative = analysis.get("operative");
        assertThat(PublishedSchemas.violations("evaluation-operative-v1.schema.json", operative.toString())).isEmpty();
        assertThat(operative.get("ioc").asInt()).isEqualTo(81);
        assertThat(operative.at("/checks/identification/evidence/turn").asInt()).isZero();
        assertThat(operative.at("/verbatims/positive/0/quote").asString()).isEqualTo("eso me gusta");
        assertThat(operative.at("/verbatims/positive/0/start").asDouble()).isEqualTo(86.77);
        assertThat(operative.at("/verbatims/critical").size()).isZero();

        // Role and tenant scope as before: never a shopper; never another company.
        assertThat(api.get("/api/v1/evaluations/" + evaluation + "/analysis", api.token(shopper)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/evaluations/" + evaluation + "/analysis", api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/evaluations/" + evaluation + "/analysis", api.token(manager)).status()).isEqualTo(200);
    }

    @Test
    void aMalformedAnswerLeavesTheBuiltInViewAndSaysWhy() throws Exception {
        llm.answer(chat -> chat.system().contains("executive view of a mystery-shopping visit") ? "La visita estuvo bien, 4 de 5."
                : chat.system().contains("operations team")
                ? io.verbatim.shopping.internal.LlmViewsAnswers.operative("Mi nombre es Yokasta", "eso me gusta", "me gusta")
                .replace("\"ces\":75", "\"ces\":\"alto\"")
                : "{}");
        JsonNode analysis = analysed();
        assertThat(analysis.at("/sources/executive").asString()).isEqualTo("built_in");
        assertThat(analysis.at("/sources/operative").asString()).isEqualTo("built_in");
        assertThat(analysis.at("/sources/llm/fallbacks").toString()).contains("not valid JSON", "$.ces");
        assertThat(analysis.at("/executive/markdown").asString()).contains("# Resumen ejecutivo", "## Oportunidades de mejora");
        assertThat(PublishedSchemas.violations("evaluation-operative-v1.schema.json", analysis.get("operative").toString())).isEmpty();
        assertThat(analysis.at("/operative/checks/identification/evidence/quote").asString()).contains("Mi nombre es Yokasta");
    }

    private JsonNode analysed() throws Exception {
        byte[] transcript = Files.readAllBytes(TestData.call("ms_005.json"));
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/evaluations/" + evaluation + "/transcript?filename=ms_005.json"))
                .header("Authorization", "Bearer " + api.token(shopper)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(transcript)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/v1/evaluations/" + evaluation, admin).body();
            assertThat(last.get("status").asString()).as(last.toString()).isNotEqualTo("failed");
            if (last.get("status").asString().equals("completed")) {
                ApiClient.Response analysis = api.get("/api/v1/evaluations/" + evaluation + "/analysis", admin);
                assertThat(analysis.status()).as(analysis.raw()).isEqualTo(200);
                return analysis.body();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("evaluation not analysed: " + last);
    }
}
