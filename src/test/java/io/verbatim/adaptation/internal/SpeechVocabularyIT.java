package io.verbatim.adaptation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.speech.SpeechAdaptation;
import io.verbatim.speech.SpeechAdaptationSource;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/speech/vocabulary} and {@code /language-model}: who reads and edits, tenant against tenant, and
 * a vocabulary change turning into a rebuilt domain model that the transcription stage gets for the tenant.
 */
class SpeechVocabularyIT extends PlatformTest {

    private static final String VOCABULARY = "/api/v1/speech/vocabulary";
    private static final String MODEL = "/api/v1/speech/language-model";

    @Autowired
    LanguageModelBuilder builder;
    @Autowired
    TenantSpeechAdaptations adaptations;
    @Autowired
    SpeechAdaptationSource source;

    /** A tenant with a vocabulary decodes its recordings with its model: later tests of the shared platform must not. */
    @org.junit.jupiter.api.AfterEach
    void noVocabularyLeftBehind() {
        clearVocabularies(api);
    }

    /** Empties the demo tenants' vocabularies (each test that sets one leaves none behind). */
    static void clearVocabularies(ApiClient api) {
        for (String admin : List.of("admin@demo.local", "admin@acme.local")) {
            assertThat(api.put(VOCABULARY, api.token(admin), "{\"phrases\":[]}").status()).isEqualTo(200);
        }
    }

    @Test
    void managersEditExecutivesReadAgentsAreRefused() {
        String body = """
                {"phrases":[{"text":"Summit Roofing","sounds_like":["summit roofin"]},{"text":"  ComfortPro "},
                            {"text":"comfortpro"}]}""";
        ApiClient.Response put = api.put(VOCABULARY, api.token("manager@demo.local"), body);
        assertThat(put.status()).isEqualTo(200);
        JsonNode phrases = put.body().get("phrases");
        assertThat(phrases).hasSize(2); // trimmed, the case-insensitive duplicate dropped
        assertThat(phrases.get(0).get("text").asString()).isEqualTo("Summit Roofing");
        assertThat(phrases.get(0).get("sounds_like").get(0).asString()).isEqualTo("summit roofin");
        assertThat(phrases.get(1).get("text").asString()).isEqualTo("ComfortPro");

        ApiClient.Response read = api.get(VOCABULARY, api.token("exec@demo.local"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("phrases")).hasSize(2);
        assertThat(api.put(VOCABULARY, api.token("exec@demo.local"), body).status()).isEqualTo(403);
        assertThat(api.get(VOCABULARY, api.token("csr1@demo.local")).status()).isEqualTo(403);
        assertThat(api.put(VOCABULARY, api.token("csr1@demo.local"), body).status()).isEqualTo(403);
        assertThat(api.get(MODEL, api.token("csr1@demo.local")).status()).isEqualTo(403);
        assertThat(api.get(VOCABULARY, null).status()).isEqualTo(401);

        assertThat(api.get("/api/v1/audit?action=speech.vocabulary_replaced", api.token("admin@demo.local")).raw())
                .contains("speech.vocabulary_replaced").contains("manager@demo.local");
    }

    @Test
    void invalidPhrasesAreProblems() {
        String token = api.token("admin@demo.local");
        for (String body : List.of("{}", "{\"phrases\":[{\"text\":\"\"}]}", "{\"phrases\":[{\"text\":\"?!\"}]}",
                "{\"phrases\":[{\"text\":\"ok\",\"sounds_like\":[\"\"]}]}", "{\"phrases\":[{\"text\":\"" + "x".repeat(101) + "\"}]}")) {
            ApiClient.Response r = api.put(VOCABULARY, token, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.problemType()).as(body).isEqualTo("urn:verbatim:problem:invalid-vocabulary");
        }
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheVocabularyOrTheModel() {
        api.put(VOCABULARY, api.token("admin@demo.local"), "{\"phrases\":[{\"text\":\"BrightPath Solar\"}]}");
        String acme = api.token("admin@acme.local");
        assertThat(api.put(VOCABULARY, acme, "{\"phrases\":[{\"text\":\"Acme Anvils\"}]}").status()).isEqualTo(200);
        assertThat(api.get(VOCABULARY, acme).body().get("phrases").toString()).contains("Acme Anvils").doesNotContain("BrightPath");
        assertThat(api.get(VOCABULARY, api.token("admin@demo.local")).body().get("phrases").toString())
                .contains("BrightPath").doesNotContain("Acme");
        // a tenant header from a non-platform user changes nothing: the token's tenant wins
        ApiClient.Response sneaky = api.send("GET", VOCABULARY, acme, java.util.Map.of("X-Verbatim-Tenant", "demo-tenant"), null);
        assertThat(sneaky.raw()).doesNotContain("BrightPath");

        TenantContext.runAs(new TenantId("demo-tenant"), builder::buildIfNeeded);
        JsonNode demoModel = api.get(MODEL, api.token("admin@demo.local")).body();
        JsonNode acmeModel = api.get(MODEL, acme).body();
        assertThat(demoModel.get("version").asInt()).isPositive();
        assertThat(demoModel.get("pronunciations").has("brightpath")).isTrue();
        assertThat(acmeModel.get("pronunciations").has("brightpath")).isFalse();
    }

    @Test
    void aVocabularyChangeRebuildsTheModelTheStageDecodesWith() throws Exception {
        String token = api.token("admin@demo.local");
        api.put(VOCABULARY, token, "{\"phrases\":[{\"text\":\"ComfortPro Heating and Air\",\"sounds_like\":[\"comfort pro heating and air\"]},"
                + "{\"text\":\"Zyxqv\"}]}");
        JsonNode pending = api.get(MODEL, token).body();
        assertThat(pending.get("status").asString()).isIn("pending", "building");

        TenantContext.runAs(new TenantId("demo-tenant"), builder::buildIfNeeded);
        JsonNode built = api.get(MODEL, token).body();
        assertThat(built.get("status").asString()).isIn("ready", "pending"); // pending: the job saw a newer change
        assertThat(built.get("pronunciations").get("comfortpro").asString()).isEqualTo("K AH M F ER T P R OW");
        // a word no dictionary piece spells: espeak-ng's letter-to-sound says it where installed, else it is listed
        String letterToSound = built.get("statistics").get("letter_to_sound").asString();
        if (letterToSound.startsWith("espeak-ng")) {
            assertThat(built.get("pronunciations").get("zyxqv").asString()).isEqualTo("Z IH K S K V");
            assertThat(built.get("unpronounceable").toString()).doesNotContain("zyxqv");
        } else {
            assertThat(letterToSound).startsWith("unavailable");
            assertThat(built.get("unpronounceable").toString()).contains("zyxqv");
        }
        assertThat(built.get("statistics").get("trigrams").asInt()).isPositive();

        // a tenant with a vocabulary decodes with its model (verbatim.speech.adaptation.enabled is off in tests);
        // another tenant without one does not
        SpeechAdaptation adaptation = adaptations.current("demo-tenant").orElseThrow();
        assertThat(source.forTenant("demo-tenant")).contains(adaptation);
        api.put(VOCABULARY, api.token("admin@acme.local"), "{\"phrases\":[]}");
        assertThat(source.forTenant("acme")).isEmpty();
        assertThat(adaptation.key()).isEqualTo("demo-tenant:" + built.get("version").asInt());
        assertThat(Files.readString(adaptation.languageModel())).startsWith("\\data\\").contains("comfortpro");
        assertThat(adaptation.pronunciations()).containsKey("comfortpro");

        // nothing changed: no second build; a rebuild request makes one
        assertThat(TenantContext.callAs(new TenantId("demo-tenant"), builder::buildIfNeeded)).isFalse();
        ApiClient.Response rebuild = api.post(MODEL + "/rebuild", token, "");
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(rebuild.body().get("status").asString()).isEqualTo("pending");
        assertThat(TenantContext.callAs(new TenantId("demo-tenant"), builder::buildIfNeeded)).isTrue();
        assertThat(api.post(MODEL + "/rebuild", api.token("exec@demo.local"), "").status()).isEqualTo(403);

        // emptied, the vocabulary no longer puts the tenant's recordings on its model
        api.put(VOCABULARY, token, "{\"phrases\":[]}");
        assertThat(source.forTenant("demo-tenant")).isEmpty();
    }
}
