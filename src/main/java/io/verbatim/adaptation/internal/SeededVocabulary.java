package io.verbatim.adaptation.internal;

import io.verbatim.adaptation.SpeechVocabulary;
import io.verbatim.adaptation.lm.DomainModel;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link SpeechVocabulary} over the tenant's stored vocabulary and its model builder. */
@Component
class SeededVocabulary implements SpeechVocabulary {

    private final VocabularyStore vocabulary;
    private final LanguageModelBuilder builder;
    private final TransactionTemplate tx;

    SeededVocabulary(VocabularyStore vocabulary, LanguageModelBuilder builder, PlatformTransactionManager transactions) {
        this.vocabulary = vocabulary;
        this.builder = builder;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public boolean seed(TenantId tenant, List<Phrase> phrases) {
        return TenantContext.callAs(tenant, () -> {
            boolean seeded = Boolean.TRUE.equals(tx.execute(s -> {
                if (vocabulary.any()) {
                    return false;
                }
                vocabulary.replace(phrases.stream().map(p -> new DomainModel.Phrase(p.text(), p.soundsLike())).toList());
                return true;
            }));
            if (seeded) {
                builder.buildIfNeeded();
            }
            return seeded;
        });
    }
}
