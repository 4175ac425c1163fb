package io.verbatim.analysis.internal.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON against the subset of JSON Schema the analysis schemas use: {@code type},
 * {@code required}, {@code properties}, {@code additionalProperties: false}, {@code items},
 * {@code minLength}/{@code maxLength}, {@code minItems}/{@code maxItems}, {@code enum}. Errors name the
 * JSON path. (No schema library is on the classpath; the subset keeps the guarantee honest.)
 */
public final class SchemaValidator {

    private SchemaValidator() {
    }

    public static List<String> validate(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode v, String path, List<String> errors) {
        JsonNode type = schema.path("type");
        if (type.isString() && !typeOk(type.stringValue(), v)) {
            errors.add(path + ": expected " + type.stringValue() + ", got " + kind(v));
            return;
        }
        if (type.isArray() && !anyTypeOk(type, v)) {
            errors.add(path + ": expected one of " + type + ", got " + kind(v));
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                errors.add(path + ": not one of " + schema.get("enum"));
            }
        }
        if (v.isString()) {
            int len = v.stringValue().length();
            if (schema.has("minLength") && len < schema.get("minLength").intValue()) {
                errors.add(path + ": shorter than " + schema.get("minLength").intValue() + " characters");
            }
            if (schema.has("maxLength") && len > schema.get("maxLength").intValue()) {
                errors.add(path + ": longer than " + schema.get("maxLength").intValue() + " characters");
            }
        }
        if (v.isNumber()) {
            if (schema.has("minimum") && v.doubleValue() < schema.get("minimum").doubleValue()) {
                errors.add(path + ": less than " + schema.get("minimum"));
            }
            if (schema.has("maximum") && v.doubleValue() > schema.get("maximum").doubleValue()) {
                errors.add(path + ": more than " + schema.get("maximum"));
            }
        }
        if (v.isArray()) {
            if (schema.has("minItems") && v.size() < schema.get("minItems").intValue()) {
                errors.add(path + ": fewer than " + schema.get("minItems").intValue() + " items");
            }
            if (schema.has("maxItems") && v.size() > schema.get("maxItems").intValue()) {
                errors.add(path + ": more than " + schema.get("maxItems").intValue() + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < v.size(); i++) {
                    check(schema.get("items"), v.get(i), path + "[" + i + "]", errors);
                }
            }
        }
        if (v.isObject()) {
            JsonNode props = schema.path("properties");
            for (JsonNode r : schema.path("required")) {
                // Present is enough: whether null is allowed is the property's own type's business.
                if (!v.has(r.stringValue())) {
                    errors.add(path + "." + r.stringValue() + ": is required");
                }
            }
            Set<String> known = new HashSet<>(props.isObject() ? props.propertyNames() : Set.of());
            for (String name : v.propertyNames()) {
                if (known.contains(name)) {
                    check(props.get(name), v.get(name), path + "." + name, errors);
                } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").booleanValue()) {
                    errors.add(path + "." + name + ": not allowed");
                }
            }
        }
    }

    private static boolean anyTypeOk(JsonNode types, JsonNode v) {
        for (JsonNode t : types) {
            if (typeOk(t.stringValue(), v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeOk(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isString();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    private static String kind(JsonNode v) {
        return v.isObject() ? "object" : v.isArray() ? "array" : v.isString() ? "string" : v.isNumber() ? "number"
                : v.isBoolean() ? "boolean" : "null";
    }
}
