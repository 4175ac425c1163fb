package io.verbatim.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for an external LLM: a real HTTP server speaking the OpenAI chat-completions protocol
 * ({@code POST /v1/chat/completions}), whose assistant message a test computes from the request's system
 * and user messages. {@link #status} other than 200 answers with the provider's error body.
 */
public final class FakeChatCompletions implements AutoCloseable {

    /** One request: the system and user messages as the client sent them. */
    public record Chat(String system, String user) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LocalHttpServer server = new LocalHttpServer();
    private final List<Chat> chats = new CopyOnWriteArrayList<>();
    private volatile Function<Chat, String> answer = chat -> "{}";
    private volatile int status = 200;

    public FakeChatCompletions() {
        server.handle(request -> {
            JsonNode body = JSON.readTree(request.body());
            String system = "";
            String user = "";
            for (JsonNode m : body.path("messages")) {
                if (m.path("role").asString().equals("system")) {
                    system = m.path("content").asString();
                } else if (m.path("role").asString().equals("user")) {
                    user = m.path("content").asString();
                }
            }
            Chat chat = new Chat(system, user);
            chats.add(chat);
            if (status != 200) {
                return LocalHttpServer.Reply.json(status, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
            }
            ObjectNode r = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1)
                    .put("model", body.path("model").asString());
            ObjectNode choice = r.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", answer.apply(chat));
            r.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
            return LocalHttpServer.Reply.json(200, r.toString());
        });
    }

    public FakeChatCompletions answer(Function<Chat, String> newAnswer) {
        this.answer = newAnswer;
        return this;
    }

    public FakeChatCompletions status(int newStatus) {
        this.status = newStatus;
        return this;
    }

    public List<Chat> chats() {
        return List.copyOf(chats);
    }

    /** The base URL a client is configured with ({@code .../v1}). */
    public String baseUrl() {
        return server.url("/v1");
    }

    @Override
    public void close() {
        server.close();
    }
}
