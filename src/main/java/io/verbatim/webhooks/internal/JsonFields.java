package io.verbatim.webhooks.internal;

import io.verbatim.platform.ProblemException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A few scalars of a JSON object read with the streaming parser, without building its tree: the acknowledgement
 * needs only an event's type and id, while a call report carries its whole transcript. The body is still read to
 * its end, so a body that is not one valid JSON object is refused (400) as a tree read refused it.
 */
final class JsonFields {

    /**
     * @param values  the scalar at each wanted dotted path that holds one (text, number or boolean as its text;
     *                blank and JSON null left out), stripped
     * @param objects the wanted paths' parents that are JSON objects
     */
    record Found(Map<String, String> values, Set<String> objects) {
        String get(String path) {
            return values.get(path);
        }
    }

    private JsonFields() {
    }

    /** Reads {@code paths} (dotted, {@code message.call.id}) from a body that must be one JSON object. */
    static Found read(JsonMapper json, byte[] body, Set<String> paths) {
        Set<String> parents = new HashSet<>();
        for (String path : paths) {
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                parents.add(path.substring(0, dot));
            }
        }
        Found found = new Found(new HashMap<>(), new HashSet<>());
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnObject();
            }
            object(parser, "", paths, parents, found);
            if (parser.nextToken() != null) {
                throw notAnObject();
            }
            return found;
        } catch (JacksonException e) {
            throw ProblemException.badRequest("invalid-webhook-payload", "The body is not JSON");
        }
    }

    /** The parser stands on the object's START_OBJECT; leaves it on its END_OBJECT. */
    private static void object(JsonParser parser, String prefix, Set<String> paths, Set<String> parents, Found found) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                if (parents.contains(path)) {
                    found.objects().add(path);
                    found.values().keySet().removeIf(k -> k.startsWith(path + ".")); // a repeated object replaces the first
                    object(parser, path, paths, parents, found);
                } else {
                    parser.skipChildren();
                    found.objects().remove(path);
                }
                found.values().remove(path); // as a tree read: the last value of a repeated name wins
            } else if (value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                found.objects().remove(path);
                found.values().remove(path);
            } else {
                found.objects().remove(path);
                if (!paths.contains(path)) {
                    continue;
                }
                String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getString() : null;
                if (text == null || text.isBlank()) {
                    found.values().remove(path);
                } else {
                    found.values().put(path, text.strip());
                }
            }
        }
    }

    private static ProblemException notAnObject() {
        return ProblemException.badRequest("invalid-webhook-payload", "The body is not a JSON object");
    }
}
