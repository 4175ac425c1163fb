package io.verbatim.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's stored language drives the pages (after this browser's own pick); each user reads and changes only their own. */
class PreferencesIT extends PlatformTest {

    static final String T = "demo-tenant";

    ApiClient.Response page(String path, String token, String acceptLanguage, String cookie) {
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "text/html"));
        if (acceptLanguage != null) {
            headers.put("Accept-Language", acceptLanguage);
        }
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        return api.send("GET", path, token, headers, null);
    }

    @Test
    void theStoredLanguageIsUsedByThePagesAfterThisBrowsersOwnPick() {
        String shopper = api.token(ShoppingFixture.shopper(api, T));
        // demo-tenant has no company profile: English by default.
        assertThat(page("/shopping/campaigns", shopper, null, null).raw()).contains("<h1>Campaigns</h1>");
        assertThat(api.get("/api/v1/me/preferences", shopper).raw()).isEqualTo("{\"email_notifications\":[]}");

        ApiClient.Response saved = api.put("/api/v1/me/preferences", shopper,
                "{\"language\": \"es\", \"email_notifications\": [\"evaluation.completed\"]}");
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().get("language").asString()).isEqualTo("es");
        assertThat(saved.body().get("email_notifications").get(0).asString()).isEqualTo("evaluation.completed");

        assertThat(page("/shopping/campaigns", shopper, null, null).raw()).contains("<h1>Campañas</h1>");
        // Stored beats the browser's Accept-Language; a pick in this browser (the cookie, ?lang=) beats stored.
        assertThat(page("/shopping/campaigns", shopper, "en-US,en;q=0.9", null).raw()).contains("<h1>Campañas</h1>");
        assertThat(page("/shopping/campaigns", shopper, null, "verbatim_lang=en").raw()).contains("<h1>Campaigns</h1>");
        assertThat(page("/shopping/campaigns?lang=en", shopper, null, null).raw()).contains("<h1>Campaigns</h1>");

        ApiClient.Response prefsPage = page("/preferences", shopper, null, null);
        assertThat(prefsPage.status()).isEqualTo(200);
        assertThat(prefsPage.raw()).contains("<h1>Preferencias</h1>", "<option value=\"es\" selected=\"selected\">",
                "value=\"evaluation.completed\" checked=\"checked\"").doesNotContain("<script>");

        // Back to "as my browser".
        api.put("/api/v1/me/preferences", shopper, "{\"language\": null, \"email_notifications\": []}");
        assertThat(page("/shopping/campaigns", shopper, null, null).raw()).contains("<h1>Campaigns</h1>");
        assertThat(page("/shopping/campaigns", shopper, "es-DO,es;q=0.9", null).raw()).contains("<h1>Campañas</h1>");
    }

    @Test
    void preferencesAreValidatedAndBelongToTheirUserOnly() {
        String shopper = api.token(ShoppingFixture.shopper(api, T));
        assertThat(api.put("/api/v1/me/preferences", shopper, "{\"language\": \"es\", \"email_notifications\": [\"campaign.assigned\"]}")
                .status()).isEqualTo(200);

        ApiClient.Response french = api.put("/api/v1/me/preferences", shopper, "{\"language\": \"fr\"}");
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.body().get("type").asString()).isEqualTo("urn:verbatim:problem:invalid-preferences");
        ApiClient.Response kind = api.put("/api/v1/me/preferences", shopper, "{\"email_notifications\": [\"everything\"]}");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me/preferences", shopper).body().get("language").asString()).isEqualTo("es");

        // Another user of the company (a manager), and another company's admin, have their own (defaults), and
        // saving theirs leaves the shopper's as it was.
        for (String other : new String[] {api.token(ShoppingFixture.manager(api, T)), api.token("admin@acme.local")}) {
            assertThat(api.get("/api/v1/me/preferences", other).raw()).isEqualTo("{\"email_notifications\":[]}");
            assertThat(api.put("/api/v1/me/preferences", other, "{\"language\": \"en\"}").status()).isEqualTo(200);
        }
        assertThat(api.get("/api/v1/me/preferences", shopper).body().get("language").asString()).isEqualTo("es");
        assertThat(api.get("/api/v1/me/preferences", null).status()).isEqualTo(401);
    }
}
