package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The generative layer's provider settings (part of a tenant's {@code ai-config.json}).
 *
 * @param provider    openai (any OpenAI-compatible server: OpenAI, vLLM, llama.cpp, LM Studio), ollama
 *                    (its OpenAI-compatible {@code /v1}) or anthropic
 * @param baseUrl     e.g. {@code https://api.openai.com/v1}, {@code http://localhost:11434/v1}; null = the provider's default
 * @param apiKey      secret; may be null for local servers
 * @param model       model name
 * @param timeoutSeconds per request
 * @param maxAttempts requests per step when the output is invalid (1 = no retry)
 * @param chunkChars  transcript characters per map step; longer conversations are summarised chunk by
 *                    chunk and the partial summaries reduced
 */
public record LlmSettings(Provider provider, String baseUrl, String apiKey, String model, int timeoutSeconds,
                          int maxAttempts, int chunkChars) {

    public LlmSettings {
        provider = provider == null ? Provider.OPENAI : provider;
        timeoutSeconds = timeoutSeconds <= 0 ? 60 : timeoutSeconds;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        chunkChars = chunkChars <= 0 ? 12_000 : chunkChars;
    }

    public static LlmSettings of(Provider provider, String baseUrl, String apiKey, String model) {
        return new LlmSettings(provider, baseUrl, apiKey, model, 0, 0, 0);
    }

    public enum Provider {
        OPENAI, OLLAMA, ANTHROPIC;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
