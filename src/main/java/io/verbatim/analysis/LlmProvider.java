package io.verbatim.analysis;

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
}
