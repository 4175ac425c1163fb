package io.verbatim.adaptation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A recording decoded by this platform's own recogniser stays out of the tenant's language model, except the turns a
 * person corrected, which go in as corrected (and the correction moves the model's fingerprint, so it is rebuilt).
 */
class CorrectedRecognitionIT extends PlatformTest {

    private static final TenantId DEMO = new TenantId("demo-tenant");

    @Autowired
    LanguageModelBuilder builder;
    @Autowired
    TenantSpeechAdaptations adaptations;
    @Autowired
    PlatformTransactionManager transactions;

    private List<String> text(java.util.function.Supplier<List<String>> read) {
        return TenantContext.callAs(DEMO, () -> new TransactionTemplate(transactions).execute(s -> read.get()));
    }

    @Test
    void onlyCorrectedTurnsOfRecognisedCallsFeedTheModel() throws Exception {
        String admin = api.token("admin@demo.local");
        Uploads uploads = new Uploads(api);
        var r = uploads.upload(admin, new Part("media", "jfk.wav", "audio/wav",
                        Files.readAllBytes(TestData.root().resolve("speech/jfk.wav"))),
                Part.json("metadata", "{\"external_id\":\"corrected-lm-" + UUID.randomUUID() + "\",\"direction\":\"inbound\"}"));
        assertThat(r.status()).as(r.raw()).isIn(200, 202);
        String id = r.body().get("id").asString();
        assertThat(uploads.awaitStatus(admin, id, Duration.ofSeconds(300), "completed", "failed").get("status").asString())
                .isEqualTo("completed");
        JsonNode transcript = api.get("/api/v1/conversations/" + id + "/transcript", admin).body();
        assertThat(transcript.get("source").asString()).isEqualTo("pocketsphinx");
        JsonNode turns = transcript.get("turns");
        assertThat(turns.size()).isPositive();
        String recognised = turns.get(0).get("text").asString();
        assertThat(text(builder::tenantText)).doesNotContain(recognised);

        // the fingerprint before the correction, by building (or finding nothing to build)
        TenantContext.callAs(DEMO, builder::buildIfNeeded);
        String corrected = "and so my fellow Americans ask not what Quillfeather can do for you";
        ApiClient.Response patched = api.patch("/api/v1/conversations/" + id + "/turns/0", admin,
                "{\"text\": \"" + corrected + "\"}");
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);

        assertThat(text(builder::correctedRecognition)).contains(corrected);
        List<String> all = text(builder::tenantText);
        assertThat(all).contains(corrected).doesNotContain(recognised);
        for (int i = 1; i < turns.size(); i++) {
            assertThat(all).as("uncorrected recognised turn " + i).doesNotContain(turns.get(i).get("text").asString());
        }

        // the correction changed the model's text: the next check rebuilds, and the new word is in it with a pronunciation
        assertThat(TenantContext.callAs(DEMO, builder::buildIfNeeded)).isTrue();
        JsonNode model = api.get("/api/v1/speech/language-model", admin).body();
        assertThat(model.get("pronunciations").has("quillfeather")).as(model.toString()).isTrue();
        assertThat(Files.readString(adaptations.current("demo-tenant").orElseThrow().languageModel())).contains("quillfeather");
        assertThat(TenantContext.callAs(DEMO, builder::buildIfNeeded)).isFalse();
    }
}
