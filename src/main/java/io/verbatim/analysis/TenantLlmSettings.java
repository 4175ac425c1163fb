package io.verbatim.analysis;

import io.verbatim.credentials.Credentials;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The current tenant's LLM, when its ai-config has an {@code llm} entry:
 * {@code {"provider":"openai|ollama|anthropic","base_url":"...","model":"...","credential":"llm"}}. The API key never
 * sits in the config: it is the {@code api_key} field of the named (encrypted) credential. One reading for every
 * module that calls the tenant's model (the analysis pipeline, Ask and chat, the shopping views).
 */
@Component
public class TenantLlmSettings {

    private final TenantAnalysisConfig config;
    private final Credentials credentials;

    public TenantLlmSettings(TenantAnalysisConfig config, Credentials credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    /** Empty when the tenant configured no LLM. */
    public Optional<LlmSettings> current() {
        if (!(config.aiConfig().get("llm") instanceof Map<?, ?> llm) || llm.get("provider") == null) {
            return Optional.empty();
        }
        LlmSettings.Provider provider = LlmSettings.Provider.valueOf(llm.get("provider").toString().toUpperCase(Locale.ROOT));
        String credential = llm.get("credential") == null ? "llm" : llm.get("credential").toString();
        String apiKey = credentials.find(credential).flatMap(c -> c.get("api_key")).orElse(null);
        return Optional.of(LlmSettings.of(provider, text(llm.get("base_url")), apiKey, text(llm.get("model"))));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
