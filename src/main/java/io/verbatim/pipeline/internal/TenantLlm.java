package io.verbatim.pipeline.internal;

import io.verbatim.analysis.GenerativeAnalyst;
import io.verbatim.analysis.LlmSettings;
import io.verbatim.analysis.TenantAnalysisConfig;
import io.verbatim.credentials.Credentials;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tenant's LLM, when its ai-config has an {@code llm} entry:
 * {@code {"provider":"openai|ollama|anthropic","base_url":"...","model":"...","credential":"llm"}}. The API
 * key never sits in the config: it is the {@code api_key} field of the named (encrypted) credential.
 */
@Component
class TenantLlm {

    private final TenantAnalysisConfig config;
    private final Credentials credentials;

    TenantLlm(TenantAnalysisConfig config, Credentials credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    Optional<GenerativeAnalyst> analyst() {
        if (!(config.aiConfig().get("llm") instanceof Map<?, ?> llm) || llm.get("provider") == null) {
            return Optional.empty();
        }
        LlmSettings.Provider provider = LlmSettings.Provider.valueOf(llm.get("provider").toString().toUpperCase(Locale.ROOT));
        String credential = llm.get("credential") == null ? "llm" : llm.get("credential").toString();
        String apiKey = credentials.find(credential).flatMap(c -> c.get("api_key")).orElse(null);
        String baseUrl = llm.get("base_url") == null ? null : llm.get("base_url").toString();
        String model = llm.get("model") == null ? null : llm.get("model").toString();
        return Optional.of(GenerativeAnalyst.of(LlmSettings.of(provider, baseUrl, apiKey, model)));
    }
}
