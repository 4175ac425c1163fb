package io.verbatim.chat.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer's server-sent events, written straight to the response and flushed one by one, on the request's
 * own thread: {@code delta} events ({@code {"text"}}) as the answer comes, then {@code done} (the whole
 * message) or, when something fails after the stream began, {@code error} (a problem's type and detail).
 */
final class ChatEventStream {

    private final HttpServletResponse response;
    private final JsonMapper json;
    private OutputStream out;
    private boolean gone;

    ChatEventStream(HttpServletResponse response, JsonMapper json) {
        this.response = response;
        this.json = json;
    }

    /** Whether anything was sent (the response is then committed: a later failure can only be an event). */
    boolean started() {
        return out != null;
    }

    void delta(String text) {
        send("delta", Map.of("text", text));
    }

    void done(Object message) {
        send("done", message);
    }

    void error(String type, String detail) {
        send("error", Map.of("type", type, "detail", detail));
    }

    /** Whether the client closed the connection while events were being sent; later events are dropped. */
    boolean clientGone() {
        return gone;
    }

    /**
     * A client that goes away mid-answer does not fail the answer: the LLM's stream is read to its end and the whole
     * answer stored in the session (where the client finds it again), only the events stop.
     */
    private void send(String event, Object data) {
        if (gone) {
            return;
        }
        try {
            if (out == null) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType("text/event-stream;charset=UTF-8");
                response.setHeader("Cache-Control", "no-cache");
                response.setHeader("X-Accel-Buffering", "no"); // a proxy in front must not hold the tokens back
                out = response.getOutputStream();
            }
            out.write(("event:" + event + "\ndata:" + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            gone = true;
        }
    }
}
