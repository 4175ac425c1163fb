package io.verbatim.analysis.internal.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.verbatim.analysis.LlmProvider;
import io.verbatim.analysis.LlmSettings;
import java.time.Duration;

/**
 * LangChain4j chat models: {@link OpenAiChatModel} for OpenAI-compatible servers (and Ollama's
 * OpenAI-compatible {@code /v1}), {@link AnthropicChatModel} for Anthropic. Retries of transport
 * errors are left to the caller (the model's own retries are off), so one failing provider costs
 * one timeout per attempt.
 */
public final class LangChain4jProvider implements LlmProvider {

    private final ChatModel model;
    private final String name;
    private final boolean jsonMode;

    public LangChain4jProvider(LlmSettings s) {
        Duration timeout = Duration.ofSeconds(s.timeoutSeconds());
        this.name = s.provider().wire() + ":" + s.model();
        switch (s.provider()) {
            case ANTHROPIC -> {
                AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder()
                        .apiKey(s.apiKey() == null ? "none" : s.apiKey()).modelName(s.model()).timeout(timeout)
                        .maxRetries(0).maxTokens(2048);
                if (s.baseUrl() != null) {
                    b.baseUrl(s.baseUrl());
                }
                this.model = b.build();
                this.jsonMode = false;
            }
            default -> {
                String base = s.baseUrl() != null ? s.baseUrl()
                        : s.provider() == LlmSettings.Provider.OLLAMA ? "http://localhost:11434/v1" : "https://api.openai.com/v1";
                this.model = OpenAiChatModel.builder().baseUrl(base).apiKey(s.apiKey() == null ? "none" : s.apiKey())
                        .modelName(s.model()).timeout(timeout).maxRetries(0).temperature(0.2).build();
                this.jsonMode = true;
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String chat(String system, String user, boolean json) {
        ChatRequest.Builder request = ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user));
        if (json && jsonMode) {
            request.responseFormat(ResponseFormat.JSON);
        }
        return model.chat(request.build()).aiMessage().text();
    }
}
