package io.verbatim.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for an external LLM: a real HTTP server speaking the OpenAI chat-completions protocol
 * ({@code POST /v1/chat/completions}), whose assistant message a test computes from the request's system
 * and user messages. {@link #status} other than 200 answers with the provider's error body. A request with
 * {@code "stream": true} is answered as the protocol streams: server-sent {@code chat.completion.chunk} events,
 * one per piece of {@link #stream}'s list (each flushed, after {@link #beforePiece} returns), then
 * {@code data: [DONE]}.
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
    private volatile Function<Chat, List<String>> pieces = chat -> List.of(answer.apply(chat));
    private volatile java.util.function.IntConsumer beforePiece = i -> { };

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
            if (body.path("stream").asBoolean(false)) {
                return streamed(body.path("model").asString(), pieces.apply(chat));
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

    private LocalHttpServer.Reply streamed(String model, List<String> parts) {
        return LocalHttpServer.Reply.streamed("text/event-stream", out -> {
            for (int i = 0; i < parts.size(); i++) {
                beforePiece.accept(i);
                ObjectNode delta = chunk(model);
                ObjectNode choice = delta.putArray("choices").addObject().put("index", 0);
                choice.putObject("delta").put("content", parts.get(i));
                choice.putNull("finish_reason");
                write(out, delta.toString());
            }
            ObjectNode end = chunk(model);
            end.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            write(out, end.toString());
            write(out, "[DONE]");
        });
    }

    private static ObjectNode chunk(String model) {
        return JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1).put("model", model);
    }

    private static void write(java.io.OutputStream out, String data) throws java.io.IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The pieces a streamed answer is sent in (by default the whole {@link #answer} as one). */
    public FakeChatCompletions stream(Function<Chat, List<String>> newPieces) {
        this.pieces = newPieces;
        return this;
    }

    /** Runs before piece {@code i} of a streamed answer is sent; a test may hold a piece back here. */
    public FakeChatCompletions beforePiece(java.util.function.IntConsumer hook) {
        this.beforePiece = hook;
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
