package io.verbatim.adaptation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settings → Speech vocabulary rendered on the server: the tenant's phrases (escaped), its model's state, no other tenant's. */
class SpeechVocabularyPageIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    @Autowired
    LanguageModelBuilder builder;

    private ApiClient.Response page(String email) {
        return api.send("GET", "/settings/speech", api.token(email), HTML, null);
    }

    /** A tenant with a vocabulary decodes its recordings with its model: later tests of the shared platform must not. */
    @org.junit.jupiter.api.AfterEach
    void noVocabularyLeftBehind() {
        SpeechVocabularyIT.clearVocabularies(api);
    }

    @Test
    void showsThePhrasesAndTheModelOfTheAdminsTenantOnly() {
        api.put("/api/v1/speech/vocabulary", api.token("admin@demo.local"),
                "{\"phrases\":[{\"text\":\"ComfortPro <b>\",\"sounds_like\":[\"comfort pro\",\"comfy pro\"]}]}");
        TenantContext.runAs(new TenantId("demo-tenant"), builder::buildIfNeeded);

        var demo = page("admin@demo.local");
        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.raw()).contains("Speech vocabulary").contains("value=\"ComfortPro &lt;b&gt;\"")
                .contains("value=\"comfort pro; comfy pro\"").contains("id=\"model-status\"").contains("comfortpro")
                .contains("/js/settings-speech.js").doesNotContain("<b>\"");
        // New words are the tenant's, not the base text's typos and run-together words (still in the model).
        String newWords = demo.raw().substring(demo.raw().indexOf("id=\"model-pronunciations\""));
        newWords = newWords.substring(0, newWords.indexOf("</dd>"));
        assertThat(newWords).contains("comfortpro").doesNotContain("rajgmailcom").doesNotContain("nothingthank");

        var acme = page("admin@acme.local");
        assertThat(acme.status()).isEqualTo(200);
        assertThat(acme.raw()).doesNotContain("value=\"ComfortPro").doesNotContain("comfy pro").doesNotContain("comfortpro");
        assertThat(page("manager@demo.local").status()).isEqualTo(403);
    }
}
