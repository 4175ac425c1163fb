package io.verbatim.adaptation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The phrases a tenant's QA config listens for go into its language model (those made of dictionary words), and saving
 * its own config moves the model's fingerprint, so the model is rebuilt with them.
 */
class ScriptedPhrasesIT extends PlatformTest {

    private static final String CONFIG = "/api/v1/analysis/qa-config";
    private static final TenantId DEMO = new TenantId("demo-tenant");

    @Autowired
    LanguageModelBuilder builder;
    @Autowired
    TenantSpeechAdaptations adaptations;
    @Autowired
    PlatformTransactionManager transactions;

    private List<String> phrases() {
        return TenantContext.callAs(DEMO, () -> new TransactionTemplate(transactions).execute(s -> builder.scriptedPhrases()));
    }

    @Test
    void aTenantsOwnScorecardPhrasesAreBuiltIntoItsModel() throws Exception {
        String admin = api.token("admin@demo.local");
        assertThat(phrases()).as("the shipped scorecards' English lines").contains("thank you for calling")
                .doesNotContain("gracias por llamar"); // not dictionary words: a Spanish phrase would teach the English model noise
        TenantContext.callAs(DEMO, builder::buildIfNeeded);

        ObjectNode config = (ObjectNode) api.get(CONFIG, admin).body().deepCopy();
        ArrayNode trackers = config.withArray("trackers");
        ObjectNode tracker = trackers.addObject().put("key", "frost_guarantee").put("name", "Frost guarantee");
        tracker.putObject("rule").put("type", "phrase").putArray("any")
                .add("our frozen pipe guarantee covers the whole winter").add("garantia contra heladas");
        try {
            assertThat(api.put(CONFIG, admin, config.toString()).status()).isEqualTo(200);
            assertThat(phrases()).contains("our frozen pipe guarantee covers the whole winter").doesNotContain("garantia contra heladas");
            assertThat(TenantContext.callAs(DEMO, builder::buildIfNeeded)).as("the config moved the fingerprint").isTrue();
            String arpa = Files.readString(adaptations.current("demo-tenant").orElseThrow().languageModel());
            assertThat(arpa).contains("frozen pipe guarantee").doesNotContain("heladas");
            assertThat(TenantContext.callAs(DEMO, builder::buildIfNeeded)).isFalse();
        } finally {
            assertThat(api.delete(CONFIG, admin).status()).isEqualTo(204);
        }
    }
}
