package io.verbatim.ingest.transcripts;

import tools.jackson.databind.JsonNode;

/** Null-safe reads from a Jackson tree; wrong types become {@code invalid-transcript} errors naming the path. */
final class Json {

    private Json() {
    }

    /** The field's value, or null when the node is not an object, the field is absent or JSON null. */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    static JsonNode object(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value != null && value.isObject() ? value : null;
    }

    static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value != null && value.isArray() ? value : null;
    }

    static boolean hasNonEmptyArray(JsonNode node, String name) {
        JsonNode value = array(node, name);
        return value != null && !value.isEmpty();
    }

    /** A string field; numbers and booleans are given as their text; objects and arrays as null. */
    static String string(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        return null;
    }

    /** A number field, also when given as a numeric string (AWS Transcribe writes times as "4.87"). */
    static Double number(JsonNode node, String name, String format, String path) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isString()) {
            String text = value.stringValue().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw TranscriptImportException.invalid(format, path + "." + name + " is not a number: '" + abbreviate(text) + "'");
            }
        }
        throw TranscriptImportException.invalid(format, path + "." + name + " must be a number");
    }

    static double requireNumber(JsonNode node, String name, String format, String path) {
        Double value = number(node, name, format, path);
        if (value == null) {
            throw TranscriptImportException.invalid(format, path + "." + name + " is missing");
        }
        return value;
    }

    static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value != null && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asString()));
    }

    /** An integer field (or integral numeric string), null when absent. */
    static Integer integer(JsonNode node, String name, String format, String path) {
        Double value = number(node, name, format, path);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || Math.abs(value) > 1_000_000) {
            throw TranscriptImportException.invalid(format, path + "." + name + " must be a whole number");
        }
        return value.intValue();
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
