package io.verbatim.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for Anthropic's API: a real HTTP server speaking the messages protocol ({@code POST /v1/messages}).
 * A request with {@code "stream": true} is answered as Anthropic streams (docs.anthropic.com, "Streaming Messages"):
 * server-sent {@code message_start}, {@code content_block_start}, one {@code content_block_delta} ({@code text_delta})
 * per piece (each flushed, after {@link #beforePiece} returns), with a {@code ping} among them, then
 * {@code content_block_stop}, {@code message_delta} and {@code message_stop}. Otherwise one JSON message.
 */
public final class FakeAnthropicMessages implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LocalHttpServer server = new LocalHttpServer();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile List<String> pieces = List.of("Hello.");
    private volatile IntConsumer beforePiece = i -> { };

    public FakeAnthropicMessages() {
        server.handle(request -> {
            JsonNode body = JSON.readTree(request.body());
            requests.add(body);
            String model = body.path("model").asString();
            if (!body.path("stream").asBoolean(false)) {
                ObjectNode m = message(model);
                m.putArray("content").addObject().put("type", "text").put("text", String.join("", pieces));
                m.put("stop_reason", "end_turn");
                return LocalHttpServer.Reply.json(200, m.toString());
            }
            return LocalHttpServer.Reply.streamed("text/event-stream", out -> {
                ObjectNode start = JSON.createObjectNode().put("type", "message_start");
                start.set("message", message(model).set("content", JSON.createArrayNode()));
                event(out, "message_start", start);
                ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
                blockStart.putObject("content_block").put("type", "text").put("text", "");
                event(out, "content_block_start", blockStart);
                event(out, "ping", JSON.createObjectNode().put("type", "ping"));
                List<String> parts = pieces;
                for (int i = 0; i < parts.size(); i++) {
                    beforePiece.accept(i);
                    ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
                    delta.putObject("delta").put("type", "text_delta").put("text", parts.get(i));
                    event(out, "content_block_delta", delta);
                }
                event(out, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
                ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
                end.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
                end.putObject("usage").put("output_tokens", parts.size());
                event(out, "message_delta", end);
                event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
            });
        });
    }

    private static ObjectNode message(String model) {
        ObjectNode m = JSON.createObjectNode().put("id", "msg_fake1").put("type", "message").put("role", "assistant").put("model", model);
        m.putNull("stop_reason");
        m.putNull("stop_sequence");
        m.putObject("usage").put("input_tokens", 10).put("output_tokens", 1);
        return m;
    }

    private static void event(java.io.OutputStream out, String name, JsonNode data) throws java.io.IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The pieces the answer is streamed in (and, joined, the non-streamed answer). */
    public FakeAnthropicMessages pieces(List<String> newPieces) {
        this.pieces = List.copyOf(newPieces);
        return this;
    }

    /** Runs before piece {@code i} is sent; a test may hold a piece back here. */
    public FakeAnthropicMessages beforePiece(IntConsumer hook) {
        this.beforePiece = hook;
        return this;
    }

    /** The request bodies received. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The base URL a client is configured with ({@code .../v1/}). */
    public String baseUrl() {
        return server.url("/v1/");
    }

    @Override
    public void close() {
        server.close();
    }
}
