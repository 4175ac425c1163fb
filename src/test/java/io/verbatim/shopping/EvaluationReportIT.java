package io.verbatim.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.demo.SpanishDemo;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The PDF report of an evaluation, read back with PDFBox: its language, the analysis only for those who may read it, scope. */
class EvaluationReportIT extends PlatformTest {

    static final String T = "demo-tenant";
    final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    SpanishDemo demo;

    HttpResponse<byte[]> pdf(String evaluation, String token, String lang) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/evaluations/" + evaluation
                + "/report.pdf" + (lang == null ? "" : "?lang=" + lang)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".pdf");
        try (PDDocument doc = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theShopperGetsTheirReportWithoutAnalysisAndNobodyElseOfTheirKindDoes() throws Exception {
        String admin = api.token("admin@demo.local");
        String zone = ShoppingFixture.zone(api, admin, "Naco");
        String shopper = ShoppingFixture.shopper(api, T);
        String campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, T, shopper), null);
        String id = api.post("/api/v1/evaluations", api.token(shopper),
                ShopperEvaluationApiIT.body(campaign, zone, ShopperEvaluationApiIT.GOOD)).body().get("id").asString();

        String mine = text(pdf(id, api.token(shopper), "es"));
        assertThat(mine).contains("Informe de evaluación", "¿Le saludaron al llegar?", "Amabilidad del asesor", "Pendiente",
                "Aún no hay grabación.").doesNotContain("IOC");
        assertThat(text(pdf(id, admin, "en"))).contains("Evaluation report", "Score", "Pending", "¿Le saludaron al llegar?");
        // Another shopper of the company, and another company's admin: as if it did not exist.
        assertThat(pdf(id, api.token(ShoppingFixture.shopper(api, T)), null).statusCode()).isEqualTo(404);
        assertThat(pdf(id, api.token("admin@acme.local"), null).statusCode()).isEqualTo(404);
        assertThat(pdf(id, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAnalysedEvaluationsReportHoldsBothViewsForAdminsAndManagers() throws Exception {
        demo.evaluations(demo.company("verbatim-demo"));
        String admin = api.token("admin@caribe.local");
        JsonNode done = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (done == null && Instant.now().isBefore(deadline)) {
            done = StreamSupport.stream(api.get("/api/v1/evaluations?status=completed", admin).body().get("items").spliterator(), false)
                    .findFirst().orElse(null);
            Thread.sleep(done == null ? 500 : 0);
        }
        assertThat(done).as("a completed demo evaluation").isNotNull();
        String id = done.get("id").asString();
        String report = text(pdf(id, admin, "es"));
        assertThat(report).contains("Informe de evaluación", SpanishDemo.CAMPAIGN, "Vista ejecutiva", "Vista operativa", "IOC",
                "Controles básicos de calidad", "greeting");
        assertThat(text(pdf(id, api.token("gerente@caribe.local"), "es"))).contains("Vista ejecutiva");
        assertThat(pdf(id, api.token("admin@demo.local"), null).statusCode()).isEqualTo(404);
    }
}
