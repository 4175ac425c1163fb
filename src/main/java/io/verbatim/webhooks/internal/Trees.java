package io.verbatim.webhooks.internal;

import io.verbatim.platform.Timestamps;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Null-safe reads from provider payloads. */
final class Trees {

    private Trees() {
    }

    /** The node at a dotted path ({@code message.call.id}), or null when absent or JSON null. */
    static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(part);
            if (current == null || current.isNull() || current.isMissingNode()) {
                return null;
            }
        }
        return current;
    }

    /** A scalar at the path as text (numbers and booleans as their text); blank strings as null. */
    static String text(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text.strip();
    }

    static String firstText(JsonNode node, String... paths) {
        for (String path : paths) {
            String value = text(node, path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** ISO-8601 instants or offset times, RFC 1123 ({@code Tue, 28 May 2019 02:18:02 +0000}); null when unreadable. */
    static Instant instant(String value) {
        return Timestamps.lenient(value);
    }
}
