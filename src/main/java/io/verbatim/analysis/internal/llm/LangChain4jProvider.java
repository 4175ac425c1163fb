package io.verbatim.analysis.internal.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.verbatim.analysis.LlmProvider;
import io.verbatim.analysis.LlmSettings;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * LangChain4j chat models: {@link OpenAiChatModel} for OpenAI-compatible servers (and Ollama's
 * OpenAI-compatible {@code /v1}), {@link AnthropicChatModel} for Anthropic. Retries of transport
 * errors are left to the caller (the model's own retries are off), so one failing provider costs
 * one timeout per attempt.
 */
public final class LangChain4jProvider implements LlmProvider {

    private final ChatModel model;
    /** The streaming twin of {@link #model}: chat completions with {@code stream: true}, or Anthropic's streamed messages. */
    private final StreamingChatModel streaming;
    private final Duration timeout;
    private final String name;
    private final boolean jsonMode;

    public LangChain4jProvider(LlmSettings s) {
        this.timeout = Duration.ofSeconds(s.timeoutSeconds());
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
                // The messages API's own streaming (server-sent content_block_delta events).
                AnthropicStreamingChatModel.AnthropicStreamingChatModelBuilder sb = AnthropicStreamingChatModel.builder()
                        .apiKey(s.apiKey() == null ? "none" : s.apiKey()).modelName(s.model()).timeout(timeout).maxTokens(2048);
                if (s.baseUrl() != null) {
                    sb.baseUrl(s.baseUrl());
                }
                this.streaming = sb.build();
                this.jsonMode = false;
            }
            default -> {
                String base = s.baseUrl() != null ? s.baseUrl()
                        : s.provider() == LlmSettings.Provider.OLLAMA ? "http://localhost:11434/v1" : "https://api.openai.com/v1";
                this.model = OpenAiChatModel.builder().baseUrl(base).apiKey(s.apiKey() == null ? "none" : s.apiKey())
                        .modelName(s.model()).timeout(timeout).maxRetries(0).temperature(0.2).build();
                this.streaming = OpenAiStreamingChatModel.builder().baseUrl(base).apiKey(s.apiKey() == null ? "none" : s.apiKey())
                        .modelName(s.model()).timeout(timeout).temperature(0.2).build();
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

    /** What the streaming model's thread hands to the caller's: a token, the end, or the failure. */
    private sealed interface Piece {
        record Token(String text) implements Piece {
        }

        record End(String text) implements Piece {
        }

        record Failed(Throwable error) implements Piece {
        }
    }

    /**
     * Streams over the chat-completions protocol ({@code stream: true}) or Anthropic's messages protocol ({@code stream: true},
     * {@code content_block_delta} events). LangChain4j calls back on its own thread;
     * the pieces cross to the caller's thread through a queue so {@code onToken} runs where the request's
     * context (tenant, response) lives.
     */
    @Override
    public String chatStreaming(String system, String user, Consumer<String> onToken) {
        if (streaming == null) {
            return LlmProvider.super.chatStreaming(system, user, onToken);
        }
        BlockingQueue<Piece> pieces = new LinkedBlockingQueue<>();
        streaming.chat(ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build(),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String token) {
                        pieces.add(new Piece.Token(token));
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        String text = response.aiMessage() == null ? null : response.aiMessage().text();
                        pieces.add(new Piece.End(text));
                    }

                    @Override
                    public void onError(Throwable error) {
                        pieces.add(new Piece.Failed(error));
                    }
                });
        StringBuilder text = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Piece piece;
            try {
                // The timeout bounds the whole answer, as it bounds one non-streamed request.
                piece = pieces.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while streaming from " + name, e);
            }
            switch (piece) {
                case null -> throw new IllegalStateException(name + " did not finish within " + timeout);
                case Piece.Token t -> {
                    if (t.text() != null && !t.text().isEmpty()) {
                        text.append(t.text());
                        onToken.accept(t.text());
                    }
                }
                case Piece.End e -> {
                    return e.text() != null ? e.text() : text.toString();
                }
                case Piece.Failed f -> throw f.error() instanceof RuntimeException r ? r : new IllegalStateException(f.error());
            }
        }
    }
}
