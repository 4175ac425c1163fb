package io.verbatim.sources.internal;

import io.verbatim.platform.Timestamps;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Dotted paths into provider JSON ({@code caller.number}, {@code data.0.id}) and lenient time parsing. */
final class JsonPaths {

    private JsonPaths() {
    }

    static JsonNode at(JsonNode node, String path) {
        if (path == null || path.isBlank()) {
            return node;
        }
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            if (current.isArray() && part.matches("\\d+")) {
                current = current.get(Integer.parseInt(part));
            } else if (current.isObject()) {
                current = current.get(part);
            } else {
                return null;
            }
            if (current == null || current.isNull() || current.isMissingNode()) {
                return null;
            }
        }
        return current;
    }

    static String text(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text.strip();
    }

    /** ISO instants and offset times, {@code yyyy-MM-dd HH:mm:ss} (UTC), epoch seconds or milliseconds. */
    static Instant instant(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            long n = value.asLong();
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        return parse(value.asString());
    }

    static Instant parse(String text) {
        Instant parsed = Timestamps.lenient(text);
        if (parsed != null || text == null) {
            return parsed;
        }
        String v = text.strip();
        if (v.matches("\\d{9,13}")) {
            long n = Long.parseLong(v);
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        return null;
    }
}
