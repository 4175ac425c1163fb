package io.verbatim.analysis.internal.config;

import io.verbatim.analysis.CallReasonDefinition;
import io.verbatim.analysis.internal.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code $.call_reasons}, the tenant's call-reason taxonomy, adding every problem with its JSON path
 * to the caller's error list. Kept apart from {@link QaConfigReader} so each stays small.
 */
final class CallReasonsReader {

    static final String OTHER = "other";
    // Bounds keep the per-config embedding of the taxonomy cheap.
    static final int MAX_REASONS = 200;
    static final int MAX_EXAMPLES = 100;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Set<String> FIELDS = Set.of("key", "description", "examples");

    private final List<ConfigError> errors;

    CallReasonsReader(List<ConfigError> errors) {
        this.errors = errors;
    }

    List<CallReasonDefinition> read(JsonNode node) {
        String path = "$.call_reasons";
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new ConfigError(path, "must be an array of {key, description, examples}"));
            return List.of();
        }
        if (node.isEmpty()) {
            errors.add(new ConfigError(path, "must not be empty (leave it out to use the built-in reasons)"));
        }
        if (node.size() > MAX_REASONS) {
            errors.add(new ConfigError(path, "at most " + MAX_REASONS + " reasons"));
        }
        List<CallReasonDefinition> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            CallReasonDefinition r = reason(node.get(i), path + "[" + i + "]");
            if (r != null && !keys.add(r.key())) {
                errors.add(new ConfigError(path + "[" + i + "].key", "duplicate call reason key '" + r.key() + "'"));
            }
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private CallReasonDefinition reason(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            errors.add(new ConfigError(path, "must be an object"));
            return null;
        }
        for (String f : node.propertyNames()) {
            if (!FIELDS.contains(f)) {
                errors.add(new ConfigError(path + "." + f, "unknown field (allowed: description, examples, key)"));
            }
        }
        JsonNode k = node.get("key");
        String key = null;
        if (k == null || k.isNull()) {
            errors.add(new ConfigError(path + ".key", "is required"));
        } else if (!k.isString() || !KEY.matcher(k.stringValue()).matches()) {
            errors.add(new ConfigError(path + ".key", "must be snake_case (a-z, 0-9, _), starting with a letter, at most 64 characters"));
        } else if (k.stringValue().equals(OTHER)) {
            errors.add(new ConfigError(path + ".key", "'other' is reserved for calls that fit no reason"));
        } else {
            key = k.stringValue();
        }
        String description = null;
        JsonNode d = node.get("description");
        if (d != null && !d.isNull()) {
            if (!d.isString()) {
                errors.add(new ConfigError(path + ".description", "must be a string"));
            } else if (!d.stringValue().isBlank()) {
                description = d.stringValue().strip();
            }
        }
        List<String> examples = examples(node.get("examples"), path + ".examples");
        return key == null ? null : new CallReasonDefinition(key, description, examples);
    }

    private List<String> examples(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new ConfigError(path, "must be an array of strings"));
            return List.of();
        }
        if (node.size() > MAX_EXAMPLES) {
            errors.add(new ConfigError(path, "at most " + MAX_EXAMPLES + " examples"));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            if (!e.isString() || Normalizer.words(e.stringValue()).isBlank()) {
                errors.add(new ConfigError(path + "[" + i + "]", "must be a string with words"));
            } else {
                out.add(e.stringValue().strip());
            }
        }
        return out;
    }
}
