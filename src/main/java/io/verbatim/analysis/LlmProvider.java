package io.verbatim.analysis;

import java.util.function.Consumer;

/**
 * A chat model behind the generative layer. Implementations: {@link LlmProviders#create} (LangChain4j:
 * OpenAI-compatible incl. Ollama's {@code /v1}, Anthropic).
 */
public interface LlmProvider {

    /** "provider:model", for the record. */
    String name();

    /**
     * One completion. {@code json} asks for a JSON object (the provider's JSON mode where it has one).
     *
     * @throws RuntimeException on any transport or provider error
     */
    String chat(String system, String user, boolean json);

    /**
     * One plain-text completion, its tokens handed to {@code onToken} as the provider sends them (in order, on
     * the caller's thread); returns the whole text. Providers without streaming hand over the whole text once.
     *
     * @throws RuntimeException on any transport or provider error (tokens already handed over stay handed over)
     */
    default String chatStreaming(String system, String user, Consumer<String> onToken) {
        String text = chat(system, user, false);
        if (text != null && !text.isEmpty()) {
            onToken.accept(text);
        }
        return text;
    }
}
