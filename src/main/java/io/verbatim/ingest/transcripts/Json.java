package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Word;

import java.util.List;

import java.util.ArrayList;

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

    /**
     * Reads a JSON array of words with {@code start}, {@code end}, optional {@code confidence} and the
     * text in the first present of {@code textFields}.
     */
    static List<Word> words(JsonNode array, String path, String format, String... textFields) {
        if (array == null) {
            return List.of();
        }
        List<Word> words = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode w = array.get(i);
            String wpath = path + ".words[" + i + "]";
            String text = null;
            for (String field : textFields) {
                text = text == null ? string(w, field) : text;
            }
            if (text == null) {
                throw TranscriptImportException.invalid(format, wpath + "." + textFields[0] + " is missing");
            }
            words.add(new Word(text, requireNumber(w, "start", format, wpath), requireNumber(w, "end", format, wpath),
                    number(w, "confidence", format, wpath)));
        }
        return words;
    }
}
