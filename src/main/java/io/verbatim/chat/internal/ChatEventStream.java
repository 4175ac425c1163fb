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

    private void send(String event, Object data) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("the chat client went away", e);
        }
    }
}
