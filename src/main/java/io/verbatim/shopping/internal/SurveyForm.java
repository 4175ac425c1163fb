package io.verbatim.shopping.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A survey definition (SurveyJS JSON) as the fields of an HTML form, in the page's language: panels are flattened,
 * {@code file} questions are left out (media go through the tus upload) and so are {@code expression}s (computed).
 * Each answer value is carried as its JSON text, so a choice keeps its type (number, boolean or text) when the
 * page's script sends it back.
 */
record SurveyForm(String title, List<Field> fields) {

    static final List<String> ANSWERABLE = List.of("text", "comment", "rating", "boolean", "radiogroup", "checkbox", "dropdown",
            "matrix", "html");

    /** One question; {@code choices} are the options (rating values, choices, matrix columns), {@code rows} a matrix's rows. */
    record Field(String name, String type, String title, boolean required, String condition, List<Option> choices,
                 List<Option> rows, String html) {
    }

    /** An option: {@code json} is the value as JSON text, {@code text} what the shopper reads. */
    record Option(String json, String text) {
    }

    static SurveyForm of(JsonNode definition, Locale locale) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode page : definition.path("pages")) {
            collect(page.path("elements"), locale, fields);
        }
        return new SurveyForm(text(definition.path("title"), locale, ""), fields);
    }

    private static void collect(JsonNode elements, Locale locale, List<Field> fields) {
        for (JsonNode e : elements) {
            String type = e.path("type").asString("");
            if (type.equals("panel")) {
                collect(e.path("elements"), locale, fields);
                continue;
            }
            if (!ANSWERABLE.contains(type)) {
                continue;
            }
            String name = e.path("name").asString();
            String condition = e.path("visibleIf").asString(null);
            fields.add(new Field(name, type, text(e.path("title"), locale, name), e.path("isRequired").asBoolean(false),
                    condition, options(e, type, locale), rows(e, locale), text(e.path("html"), locale, "")));
        }
    }

    private static List<Option> options(JsonNode e, String type, Locale locale) {
        List<Option> options = new ArrayList<>();
        switch (type) {
            case "boolean" -> {
                options.add(new Option("true", locale.getLanguage().equals("es") ? "Sí" : "Yes"));
                options.add(new Option("false", "No"));
            }
            case "rating" -> {
                if (e.path("rateValues").isArray() && !e.path("rateValues").isEmpty()) {
                    e.path("rateValues").forEach(v -> options.add(option(v, locale)));
                } else {
                    int min = e.path("rateMin").asInt(1);
                    int max = e.path("rateMax").asInt(5);
                    int step = Math.max(1, e.path("rateStep").asInt(1));
                    for (int v = min; v <= max; v += step) {
                        options.add(new Option(String.valueOf(v), String.valueOf(v)));
                    }
                }
            }
            case "radiogroup", "checkbox", "dropdown" -> e.path("choices").forEach(c -> options.add(option(c, locale)));
            case "matrix" -> e.path("columns").forEach(c -> options.add(option(c, locale)));
            default -> {
            }
        }
        return options;
    }

    private static List<Option> rows(JsonNode e, Locale locale) {
        List<Option> rows = new ArrayList<>();
        e.path("rows").forEach(r -> rows.add(option(r, locale)));
        return rows;
    }

    /** A choice is a bare value or {@code {"value", "text"}}. */
    private static Option option(JsonNode choice, Locale locale) {
        JsonNode value = choice.isObject() ? choice.path("value") : choice;
        String shown = value.isString() ? value.asString() : value.toString();
        return new Option(value.toString(), choice.isObject() ? text(choice.path("text"), locale, shown) : shown);
    }

    /** A SurveyJS localizable string: plain text, or {@code {"default", "es", "en", ...}}. */
    static String text(JsonNode node, Locale locale, String fallback) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isObject()) {
            for (String key : List.of(locale.getLanguage(), "default", "en", "es")) {
                if (node.path(key).isString()) {
                    return node.path(key).asString();
                }
            }
        }
        return fallback;
    }
}
