package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.demo.SpanishDemo;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The mystery-shopping pages of the Spanish demo company: language, role scope, nothing crosses companies. */
class ShoppingPagesIT extends PlatformTest {

    private static final List<String> PAGES = List.of("/shopping/evaluations", "/shopping/dashboard", "/shopping/campaigns");

    @Autowired
    SpanishDemo demo;

    private List<JsonNode> evaluations;

    @BeforeEach
    void analysedEvaluations() throws InterruptedException {
        demo.evaluations(demo.company("verbatim-demo"));
        String admin = api.token("admin@caribe.local");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        do {
            evaluations = StreamSupport.stream(api.get("/api/v1/evaluations?limit=50", admin).body().get("items").spliterator(), false)
                    .toList();
            if (evaluations.stream().allMatch(e -> "completed".equals(e.get("status").asString()))) {
                return;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
    }

    static ApiClient.Response page(ApiClient api, String path, String token, String acceptLanguage) {
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "text/html"));
        if (acceptLanguage != null) {
            headers.put("Accept-Language", acceptLanguage);
        }
        return api.send("GET", path, token, headers, null);
    }

    @Test
    void pagesNeedASignIn() {
        for (String path : PAGES) {
            var r = page(api, path, null, null);
            assertThat(r.status()).as(path).isEqualTo(302);
            assertThat(r.header("Location")).as(path).contains("/login");
        }
    }

    @Test
    void aCompanyInTheDominicanRepublicReadsSpanishUnlessTheUserOrBrowserSaysOtherwise() {
        String admin = api.token("admin@caribe.local");
        var es = page(api, "/shopping/dashboard", admin, null);
        assertThat(es.status()).isEqualTo(200);
        assertThat(es.raw()).contains("lang=\"es\"", "Tablero de cliente incógnito", "Puntuación por zona", "Santo Domingo", "Santiago",
                SpanishDemo.CAMPAIGN, "IOC", "IRD", "CES", "Completada");
        assertThat(page(api, "/shopping/dashboard", admin, "en-US,en;q=0.9").raw()).contains("lang=\"en\"", "Scores by zone");
        assertThat(page(api, "/shopping/campaigns?lang=en", admin, "es-DO").raw()).contains("Campaigns", "Active");
        assertThat(page(api, "/shopping/campaigns", admin, "es-DO").raw()).contains("Campañas", "Activa", SpanishDemo.CAMPAIGN);
        // A company without a profile in DO defaults to English.
        assertThat(page(api, "/shopping/evaluations", api.token("admin@demo.local"), null).raw()).contains("lang=\"en\"");
    }

    @Test
    void theEvaluationsListAndDetailShowAnswersScoreBothViewsAndTheTranscript() {
        assertThat(evaluations).hasSize(3).allSatisfy(e -> assertThat(e.get("status").asString()).isEqualTo("completed"));
        String admin = api.token("admin@caribe.local");
        var list = page(api, "/shopping/evaluations", admin, null);
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode e : evaluations) {
            assertThat(list.raw()).contains("/shopping/evaluations/" + e.get("id").asString());
        }
        JsonNode spanish = evaluations.stream().filter(e -> "es".equals(e.get("language").asString())).findFirst().orElseThrow();
        var detail = page(api, "/shopping/evaluations/" + spanish.get("id").asString(), admin, null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.raw()).contains("Respuestas", "saludo", "Vista ejecutiva", "Vista operativa", "Transcripción", "IOC",
                spanish.get("score").asString(), "Asesor", "Cliente").doesNotContain("Exception");
        var manager = page(api, "/shopping/evaluations/" + spanish.get("id").asString(), api.token("gerente@caribe.local"), null);
        assertThat(manager.raw()).contains("Vista ejecutiva");
    }

    @Test
    void shoppersSeeOnlyTheirOwnWithoutTheAnalysisAndNoDashboard() {
        String shopper = api.token("comprador2@caribe.local");
        String own = shopperId("comprador2@caribe.local");
        var list = page(api, "/shopping/evaluations", shopper, null);
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode e : evaluations) {
            boolean mine = e.get("shopper_id").asString().equals(own);
            String link = "/shopping/evaluations/" + e.get("id").asString();
            if (mine) {
                assertThat(list.raw()).contains(link);
                var detail = page(api, link, shopper, null);
                assertThat(detail.status()).isEqualTo(200);
                assertThat(detail.raw()).contains("Respuestas").doesNotContain("Vista ejecutiva", "Transcripción");
            } else {
                assertThat(list.raw()).doesNotContain(link);
                assertThat(page(api, link, shopper, null).status()).isEqualTo(404);
            }
        }
        assertThat(page(api, "/shopping/dashboard", shopper, null).status()).isEqualTo(403);
    }

    @Test
    void anotherCompanySeesNoneOfIt() {
        String acme = api.token("admin@acme.local");
        assertThat(page(api, "/shopping/evaluations", acme, null).raw()).doesNotContain(evaluations.get(0).get("id").asString());
        assertThat(page(api, "/shopping/evaluations/" + evaluations.get(0).get("id").asString(), acme, null).status()).isEqualTo(404);
        assertThat(page(api, "/shopping/campaigns", acme, null).raw()).doesNotContain(SpanishDemo.CAMPAIGN);
        assertThat(page(api, "/shopping/dashboard", acme, null).raw()).doesNotContain("Santo Domingo", SpanishDemo.CAMPAIGN);
    }

    private String shopperId(String email) {
        return StreamSupport.stream(api.get("/api/v1/users?limit=500", api.token("admin@caribe.local")).body().get("items").spliterator(), false)
                .filter(u -> email.equals(u.get("email").asString())).findFirst().orElseThrow().get("id").asString();
    }
}
