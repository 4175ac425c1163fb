package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The survey builder's preview, rendered by the server as the shopper's visit form, in Spanish or English whatever
 * the page's language; for admins only. It reads nothing stored, so another company's admin previews only what they send.
 */
class SurveyPreviewIT extends PlatformTest {

    private static final String DEFINITION = """
            {"title": {"default": "Visita", "es": "Visita a sucursal", "en": "Branch visit"}, "locale": "es",
             "pages": [{"name": "p1", "elements": [
               {"type": "boolean", "name": "saludo", "title": {"default": "¿Le saludaron?", "es": "¿Le saludaron?", "en": "Were you greeted?"},
                "isRequired": true, "critical": true},
               {"type": "radiogroup", "name": "oferta", "title": "¿Le ofrecieron un producto?",
                "choices": [{"value": "si", "score": 10, "text": {"es": "Sí", "en": "Yes"}}, {"value": "no", "score": 0}]},
               {"type": "comment", "name": "por_que", "title": {"es": "¿Qué faltó?", "en": "What was missing?"}, "visibleIf": "{oferta} = 'no'"},
               {"type": "panel", "name": "panel", "elements": [{"type": "rating", "name": "trato", "rateMin": 1, "rateMax": 3}]},
               {"type": "file", "name": "foto", "title": "Foto"}]}]}""";

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    private ApiClient.Response preview(String token, String language, String body) {
        return api.send("POST", "/shopping/surveys/preview?language=" + language, token, HTML, body);
    }

    @Test
    void anAdminPreviewsTheSurveyAsTheShopperSeesItInEitherLanguage() {
        String admin = api.token("admin@demo.local");
        ApiClient.Response es = preview(admin, "es", DEFINITION);
        assertThat(es.status()).as(es.raw()).isEqualTo(200);
        assertThat(es.header("content-type")).startsWith("text/html");
        assertThat(es.raw()).contains("Visita a sucursal", "¿Le saludaron?", "Sí", "¿Qué faltó?", "Solo cuando {oferta} = &#39;no&#39;")
                .contains("data-name=\"saludo\"", "data-name=\"trato\"", "class=\"required\"")
                // As on the visit page: a file question is not asked (the recording is the upload), the form cannot be sent.
                .doesNotContain("data-name=\"foto\"", "type=\"submit\"")
                .contains("Enviar la visita");

        ApiClient.Response en = preview(admin, "en", DEFINITION);
        assertThat(en.raw()).contains("Branch visit", "Were you greeted?", "Yes", "What was missing?", "Only when", "Submit the visit")
                .doesNotContain("¿Le saludaron?");
        // A text only in the survey's language is shown as it is.
        assertThat(en.raw()).contains("¿Le ofrecieron un producto?");
    }

    @Test
    void onlyAdminsPreviewAndNothingIsStored() {
        String admin = api.token("admin@demo.local");
        int before = api.get("/api/v1/surveys", admin).body().get("items").size();
        for (String other : List.of(ShoppingFixture.manager(api, "demo-tenant"), ShoppingFixture.shopper(api, "demo-tenant"))) {
            assertThat(preview(api.token(other), "es", DEFINITION).status()).isEqualTo(403);
        }
        assertThat(preview(null, "es", DEFINITION).status()).isIn(302, 401);
        assertThat(preview(admin, "es", "[1, 2]").status()).isEqualTo(400);
        // Another company's admin previews what they send, and nothing of this company.
        assertThat(preview(api.token("admin@acme.local"), "en", DEFINITION).raw()).contains("Were you greeted?");
        assertThat(api.get("/api/v1/surveys", admin).body().get("items").size()).isEqualTo(before);
    }
}
