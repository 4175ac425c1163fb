package io.verbatim.webhooks.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A voice-agent call report's fields as the conversation keeps them in its {@code attributes}, the same
 * names whatever the provider (Vapi, Retell): {@code voice_provider}, {@code call_id}, {@code assistant_id},
 * {@code assistant_name}, {@code ended_reason}, {@code cost}, {@code cost_breakdown}, {@code summary},
 * {@code structured_data}, {@code success_evaluation}, {@code recording_url}, {@code stereo_recording_url},
 * {@code duration_seconds}, {@code transferred}, {@code transfer_destination}. Absent values are left out;
 * JSON objects stay objects.
 */
final class CallReport {

    private final JsonMapper json;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    CallReport(JsonMapper json, String provider, String callId) {
        this.json = json;
        attributes.put("voice_provider", provider);
        attributes.put("call_id", callId);
    }

    CallReport text(String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value);
        }
        return this;
    }

    /** A JSON value as plain Java values (maps, lists, numbers, strings, booleans). */
    CallReport value(String key, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()
                && !(value.isString() && value.asString().isBlank()) && !(value.isContainer() && value.isEmpty())) {
            attributes.put(key, json.convertValue(value, Object.class));
        }
        return this;
    }

    CallReport number(String key, Double value) {
        if (value != null && Double.isFinite(value)) {
            attributes.put(key, value);
        }
        return this;
    }

    CallReport flag(String key, boolean value) {
        attributes.put(key, value);
        return this;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    static Double number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isString()) {
            try {
                return Double.parseDouble(node.asString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
