package io.verbatim.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The dual analysis of an evaluation: from a Spanish transcript through the built-in analyst; a Spanish recording waits. */
class EvaluationAnalysisIT extends PlatformTest {

    static final String T = "demo-tenant";
    String admin;
    String shopper;
    String manager;
    String evaluation;

    @BeforeEach
    void evaluation() {
        admin = api.token("admin@demo.local");
        String zone = ShoppingFixture.zone(api, admin, "Santiago Centro");
        shopper = ShoppingFixture.shopper(api, T);
        manager = ShoppingFixture.manager(api, T);
        String campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, T, shopper), ShoppingFixture.userId(api, T, manager));
        evaluation = api.post("/api/v1/evaluations", api.token(shopper), ShopperEvaluationApiIT.body(campaign, zone, ShopperEvaluationApiIT.GOOD))
                .body().get("id").asString();
    }

    @Test
    void aSpanishTranscriptGivesBothViewsCitingTheVisit() throws Exception {
        byte[] transcript = Files.readAllBytes(TestData.call("ms_005.json"));
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/evaluations/" + evaluation + "/transcript?filename=ms_005.json"))
                .header("Authorization", "Bearer " + api.token(shopper)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(transcript)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(sent.body()).contains("\"status\":\"analyzing\"");
        assertThat(api.get("/api/v1/evaluations/" + evaluation + "/analysis", admin).status()).isIn(200, 409);

        awaitEvaluation(e -> e.get("status").asString().equals("completed"));
        ApiClient.Response analysis = api.get("/api/v1/evaluations/" + evaluation + "/analysis", api.token(manager));
        assertThat(analysis.status()).as(analysis.raw()).isEqualTo(200);
        JsonNode executive = analysis.body().get("executive");
        assertThat(executive.get("language").asString()).isEqualTo("es");
        String markdown = executive.get("markdown").asString();
        assertThat(markdown).contains("# Resumen ejecutivo", "## Citas clave", "## Oportunidades de mejora", "NPS®", "IOC");
        assertThat(executive.get("rating").asInt()).isBetween(1, 5);
        assertThat(executive.get("nps").asInt()).isBetween(0, 10);

        JsonNode operative = analysis.body().get("operative");
        assertThat(PublishedSchemas.violations("evaluation-operative-v1.schema.json", operative.toString())).isEmpty();
        assertThat(operative.get("checks").get("greeting").get("passed").asBoolean()).isTrue();
        assertThat(operative.get("checks").get("identification").get("evidence").get("quote").asString()).contains("Mi nombre es Yokasta");
        String source = new String(transcript, java.nio.charset.StandardCharsets.UTF_8);
        for (JsonNode check : operative.get("checks")) {
            if (check.hasNonNull("evidence")) {
                assertThat(source).contains(check.get("evidence").get("quote").asString().replace("\"", "\\\""));
            }
        }
        assertThat(operative.get("ioc").asDouble()).isBetween(0.0, 100.0);

        // the shopper and the campaign's manager are told
        for (String who : new String[] {shopper, manager}) {
            assertThat(api.get("/api/v1/notifications", api.token(who)).raw()).contains("evaluation.completed").contains(evaluation);
        }

        // a shopper never sees the AI analysis; another company does not see the evaluation at all
        assertThat(api.get("/api/v1/evaluations/" + evaluation + "/analysis", api.token(shopper)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/evaluations/" + evaluation + "/analysis", api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/evaluations/" + evaluation + "/analysis", api.token(ShoppingFixture.manager(api, T))).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/evaluations/" + evaluation + "/transcript", api.token("admin@acme.local"), "{}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/evaluations/" + evaluation + "/transcript", api.token(manager), "{}").status()).isEqualTo(403);
    }

    @Test
    void aSpanishRecordingOnTheEmbeddedEngineWaitsWithTheReasonAndKeepsItsScore() throws Exception {
        byte[] audio = Files.readAllBytes(TestData.call("ms_002.mono.wav"));
        String token = api.token(shopper);
        String location = api.send("POST", "/api/v1/evaluations/" + evaluation + "/uploads", token, Map.of("Tus-Resumable", "1.0.0",
                "Upload-Length", String.valueOf(audio.length), "Upload-Metadata", "filename " + TusUploadIT.b64("visita.wav")
                        + ",filetype " + TusUploadIT.b64("audio/wav")), null).header("Location");
        HttpResponse<String> patched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + location))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(audio)).header("Authorization", "Bearer " + token)
                .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", "0").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);

        JsonNode waiting = awaitEvaluation(e -> e.path("status_reason").asString("").startsWith("Waiting for a transcript"));
        assertThat(waiting.get("status").asString()).isEqualTo("pending");
        assertThat(waiting.get("status_reason").asString()).contains("/transcript").contains("speech engine");
        assertThat(waiting.get("score").asDouble()).isEqualTo(79.17);
        ApiClient.Response notReady = api.get("/api/v1/evaluations/" + evaluation + "/analysis", admin);
        assertThat(notReady.status()).isEqualTo(409);
        assertThat(notReady.problemType()).isEqualTo("urn:verbatim:problem:analysis-not-ready");
    }

    private JsonNode awaitEvaluation(Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/v1/evaluations/" + evaluation, admin).body();
            if (done.test(last)) {
                return last;
            }
            assertThat(last.get("status").asString()).as(last.toString()).isNotEqualTo("failed");
            Thread.sleep(1000);
        }
        throw new AssertionError("evaluation did not get there: " + last);
    }
}
