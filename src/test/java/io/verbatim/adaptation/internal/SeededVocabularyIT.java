package io.verbatim.adaptation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.adaptation.SpeechVocabulary;
import io.verbatim.speech.SpeechAdaptationSource;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's way in: a tenant without a vocabulary gets one and its model at once; one with a vocabulary keeps its own. */
class SeededVocabularyIT extends PlatformTest {

    @Autowired
    SpeechVocabulary vocabulary;
    @Autowired
    VocabularyStore store;
    @Autowired
    SpeechAdaptationSource source;
    @Autowired
    Tenants tenants;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aTenantWithoutAVocabularyIsSeededAndDecodesWithItsModelAtOnce() {
        TenantId tenant = new TenantId("seeded-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(tenant, "Seeded Co", StorageMode.SHARED, null);
        assertThat(source.forTenant(tenant.value())).isEmpty();

        assertThat(vocabulary.seed(tenant, List.of(new SpeechVocabulary.Phrase("ComfortPro Heating and Air",
                List.of("comfort pro heating and air")), new SpeechVocabulary.Phrase("Tyler Nguyen", null)))).isTrue();

        var adaptation = source.forTenant(tenant.value()).orElseThrow();
        assertThat(adaptation.key()).startsWith(tenant.value() + ":"); // its own model, built already (not the base one)
        assertThat(adaptation.pronunciations()).containsKey("comfortpro");

        // a second seed, or one over a vocabulary people entered, changes nothing
        assertThat(vocabulary.seed(tenant, List.of(new SpeechVocabulary.Phrase("Other Name", List.of())))).isFalse();
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        List<io.verbatim.adaptation.lm.DomainModel.Phrase> stored = TenantContext.callAs(tenant, () -> tx.execute(s -> store.phrases()));
        assertThat(stored).extracting(p -> p.text())
                .containsExactly("ComfortPro Heating and Air", "Tyler Nguyen");
    }
}
