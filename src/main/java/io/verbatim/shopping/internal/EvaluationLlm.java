package io.verbatim.shopping.internal;

import io.verbatim.analysis.LlmProvider;
import io.verbatim.analysis.LlmProviders;
import io.verbatim.analysis.LlmSettings;
import io.verbatim.analysis.TenantAnalysisConfig;
import io.verbatim.credentials.Credentials;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The current tenant's LLM for the two views, read as the analysis pipeline reads it: the ai-config {@code llm}
 * entry ({@code provider}, {@code base_url}, {@code model}, {@code credential}) with the API key from the named
 * encrypted credential. The client is the analysis module's ({@link LlmProviders}); none here of our own.
 */
@Component
class EvaluationLlm {

    private final TenantAnalysisConfig config;
    private final Credentials credentials;

    EvaluationLlm(TenantAnalysisConfig config, Credentials credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    /** Empty when the tenant configured no LLM (the built-in analyst then writes both views). */
    Optional<LlmProvider> provider() {
        if (!(config.aiConfig().get("llm") instanceof Map<?, ?> llm) || llm.get("provider") == null) {
            return Optional.empty();
        }
        LlmSettings.Provider provider = LlmSettings.Provider.valueOf(llm.get("provider").toString().toUpperCase(Locale.ROOT));
        String credential = llm.get("credential") == null ? "llm" : llm.get("credential").toString();
        String apiKey = credentials.find(credential).flatMap(c -> c.get("api_key")).orElse(null);
        return Optional.of(LlmProviders.create(LlmSettings.of(provider, text(llm.get("base_url")), apiKey, text(llm.get("model")))));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
