package io.verbatim.shopping.internal;

import io.verbatim.analysis.LlmProvider;
import io.verbatim.analysis.LlmProviders;
import io.verbatim.analysis.TenantLlmSettings;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The current tenant's LLM for the two views, read as the analysis pipeline reads it ({@link TenantLlmSettings}).
 * The client is the analysis module's ({@link LlmProviders}); none here of our own.
 */
@Component
class EvaluationLlm {

    private final TenantLlmSettings settings;

    EvaluationLlm(TenantLlmSettings settings) {
        this.settings = settings;
    }

    /** Empty when the tenant configured no LLM (the built-in analyst then writes both views). */
    Optional<LlmProvider> provider() {
        return settings.current().map(LlmProviders::create);
    }
}
