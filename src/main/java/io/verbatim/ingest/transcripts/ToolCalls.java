package io.verbatim.ingest.transcripts;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The text of a voice agent's tool call or tool result message, as it is kept in the transcript:
 * {@code tool call: bookAppointment {"date":"2026-01-16"}} and {@code tool result: bookAppointment → {"ok":true}}.
 * Null when the message names no tool (an empty {@code toolCalls} list), so it is dropped.
 */
final class ToolCalls {

    private static final int MAX = 2000;

    private ToolCalls() {
    }

    static String text(JsonNode m) {
        JsonNode calls = Json.array(m, "toolCalls");
        if (calls == null) {
            calls = Json.array(m, "tool_calls");
        }
        if (calls != null) {
            List<String> parts = new ArrayList<>();
            for (JsonNode call : calls) {
                JsonNode function = Json.object(call, "function");
                String name = function == null ? Json.string(call, "name") : Json.string(function, "name");
                if (name == null) {
                    continue;
                }
                JsonNode arguments = function == null ? Json.field(call, "arguments") : Json.field(function, "arguments");
                parts.add(name + (arguments == null || arguments.isNull() ? "" : " " + compact(arguments)));
            }
            return parts.isEmpty() ? null : limit("tool call: " + String.join("; ", parts));
        }
        String name = Json.string(m, "name");
        JsonNode result = Json.field(m, "result");
        if (name == null && result == null) {
            return null;
        }
        return limit("tool result: " + (name == null ? "" : name + " → ") + (result == null ? "" : compact(result)));
    }

    private static String compact(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    private static String limit(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    }
}
