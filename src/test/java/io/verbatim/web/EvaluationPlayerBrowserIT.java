package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation page in headless Chromium: the visit's recording (a generated 6-second WAV uploaded with tus) plays in
 * an audio element; clicking a transcript turn seeks there, and the highlighted turn follows the playback.
 */
class EvaluationPlayerBrowserIT extends PlatformTest {

    static final String T = "demo-tenant";
    /** Three turns of two seconds each, timed on the recording. */
    static final String TRANSCRIPT = """
            {"language": "es", "turns": [
              {"speaker": "agent", "start": 0.0, "end": 2.0, "text": "Buenos días, bienvenido. Mi nombre es Carla, ¿en qué le puedo servir?"},
              {"speaker": "customer", "start": 2.0, "end": 4.0, "text": "Quisiera información para abrir una cuenta de ahorros."},
              {"speaker": "agent", "start": 4.0, "end": 6.0, "text": "Con gusto, le explico las opciones. Gracias por visitarnos."}]}""";

    private Browser browser;
    private String admin;
    private String evaluation;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void clickingATurnSeeksAndTheHighlightFollowsThePlayback() throws Exception {
        admin = api.token("admin@demo.local");
        String zone = ShoppingFixture.zone(api, admin, "Gazcue");
        String shopper = ShoppingFixture.shopper(api, T);
        String campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, T, shopper), null);
        String shopperToken = api.token(shopper);
        evaluation = ShoppingFixture.evaluation(api, shopperToken, campaign, zone);
        String upload = ShoppingFixture.upload(api, shopperToken, evaluation, ShoppingFixture.toneWav(6), "visita.wav", "audio/wav");
        // The embedded engine does not do Spanish: the recording waits for a transcript, which the shopper sends.
        await(e -> e.path("status_reason").asString("").startsWith("Waiting for a transcript") || e.get("status").asString().equals("failed"));
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/evaluations/" + evaluation + "/transcript?filename=visita.json"))
                .header("Authorization", "Bearer " + shopperToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TRANSCRIPT, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        await(e -> e.get("status").asString().equals("completed"));

        browser = new Browser(port).login("admin@demo.local");
        browser.consoleErrors();
        Browser b = browser.open("/shopping/evaluations/" + evaluation);
        assertThat(b.find("#player").getTagName()).isEqualTo("audio");
        assertThat(b.find("#player").getAttribute("src")).endsWith("/api/v1/evaluations/" + evaluation + "/uploads/" + upload + "/media");
        assertThat(b.findAll("#transcript .turn")).hasSize(3);
        b.waitUntil(d -> ((Number) b.script("return document.getElementById('player').readyState")).intValue() >= 1);
        assertThat(((Number) b.script("return document.getElementById('player').duration")).doubleValue()).isBetween(5.9, 6.1);

        // A click seeks to the turn's start and marks it.
        b.find("#transcript .turn[data-turn='2']").click();
        b.waitUntil(d -> Math.abs(currentTime(b) - 4.0) < 0.05);
        assertThat(b.find("#transcript .turn.current").getAttribute("data-turn")).isEqualTo("2");
        assertThat(b.findAll("#transcript .turn.current")).hasSize(1);

        // Playing from the first turn: the highlight moves on to the second when the recording gets there.
        b.find("#transcript .turn[data-turn='0']").click();
        b.waitUntil(d -> currentTime(b) < 0.05);
        assertThat(b.find("#transcript .turn.current").getAttribute("data-turn")).isEqualTo("0");
        b.script("var p = document.getElementById('player'); p.muted = true; p.currentTime = 1.6; p.play();");
        b.waitUntil(d -> currentTime(b) > 2.1);
        b.waitUntil(d -> "1".equals(b.find("#transcript .turn.current").getAttribute("data-turn")));
        assertThat(b.findAll("#transcript .turn.current")).hasSize(1);
        b.script("document.getElementById('player').pause()");
        b.screenshot("evaluation-player");
        assertThat(b.consoleErrors()).isEmpty();

        // The shopper plays their own recording, without the transcript (no AI analysis for shoppers).
        browser.close();
        browser = new Browser(port).login(shopper);
        Browser s = browser.open("/shopping/evaluations/" + evaluation);
        assertThat(s.find("#player").getTagName()).isEqualTo("audio");
        s.waitUntil(d -> ((Number) s.script("return document.getElementById('player').readyState")).intValue() >= 1);
        assertThat(s.findAll("#transcript")).isEmpty();
    }

    private static double currentTime(Browser b) {
        return ((Number) b.script("return document.getElementById('player').currentTime")).doubleValue();
    }

    private void await(Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/v1/evaluations/" + evaluation, admin).body();
            if (done.test(last)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("evaluation did not get there: " + last);
    }
}
