package io.verbatim.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * A survey score from answers: each visible, answered, scorable question contributes its normalised score
 * (0 to 1) times its {@code weight} (default 1); the score is the weighted mean as 0-100. {@code "n/a"} as an answer
 * leaves the question out. A {@code critical} question answered below half of its best score fails the evaluation
 * whatever the total. Scorable: rating ({@code rateMin..rateMax}, or {@code rateValues} scores), boolean (yes = 1),
 * radiogroup / dropdown / checkbox (choice {@code score}s), matrix (column scores, mean over rows).
 */
public final class SurveyScoring {

    public static final String NOT_APPLICABLE = "n/a";

    private SurveyScoring() {
    }

    /**
     * @param score           0-100, or null when nothing scorable was answered
     * @param failedCritical  names of critical questions that failed
     * @param missingRequired visible required questions without an answer
     * @param unknown         answered names that are not questions of the survey
     */
    public record Score(BigDecimal score, List<String> failedCritical, List<String> missingRequired, List<String> unknown,
                        int scored, int notApplicable) {
        public boolean criticalFailed() {
            return !failedCritical.isEmpty();
        }
    }

    /** A place in a definition and what is wrong there. */
    public record Problem(String path, String message) {
    }

    public static Score score(JsonNode definition, JsonNode answers) {
        double weighted = 0;
        double weights = 0;
        int scored = 0;
        int na = 0;
        List<String> failed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonNode> visible = new ArrayList<>();
        forEachQuestion(definition, (q, path) -> names.add(q.path("name").asString("")));
        forEachVisibleQuestion(definition, answers, visible::add);
        for (JsonNode q : visible) {
            String name = q.path("name").asString("");
            JsonNode answer = answers.get(name);
            boolean required = q.path("isRequired").asBoolean(false)
                    || (q.hasNonNull("requiredIf") && SurveyExpression.evaluate(q.get("requiredIf").asString(), answers));
            if (answer == null || answer.isNull() || (answer.isString() && answer.asString().isBlank()) || (answer.isContainer() && answer.isEmpty())) {
                if (required) {
                    missing.add(name);
                }
                continue;
            }
            if (answer.isString() && answer.asString().strip().toLowerCase(Locale.ROOT).equals(NOT_APPLICABLE)) {
                na++;
                continue;
            }
            Double s = normalised(q, answer);
            if (s == null) {
                continue;
            }
            double weight = q.path("weight").asDouble(1);
            if (weight > 0) {
                weighted += weight * s;
                weights += weight;
                scored++;
            }
            if (q.path("critical").asBoolean(false) && s < 0.5) {
                failed.add(name);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String key : answers.propertyNames()) {
            if (!names.contains(key)) {
                unknown.add(key);
            }
        }
        BigDecimal total = weights == 0 ? null : BigDecimal.valueOf(100 * weighted / weights).setScale(2, RoundingMode.HALF_UP);
        return new Score(total, List.copyOf(failed), List.copyOf(missing), List.copyOf(unknown), scored, na);
    }

    /** Skip-logic expressions this scorer cannot read, and question names used twice. */
    public static List<Problem> problems(JsonNode definition) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        forEachElement(definition, (e, path) -> {
            for (String key : List.of("visibleIf", "requiredIf", "enableIf")) {
                if (e.hasNonNull(key)) {
                    try {
                        SurveyExpression.check(e.get(key).asString());
                    } catch (IllegalArgumentException ex) {
                        problems.add(new Problem(path + "." + key, ex.getMessage()));
                    }
                }
            }
            if (e.has("type") && !isPage(e) && !seen.add(e.path("name").asString(""))) {
                problems.add(new Problem(path + ".name", "the name '" + e.path("name").asString("") + "' is used twice"));
            }
        });
        return problems;
    }

    private static boolean isPage(JsonNode e) {
        return !e.has("type");
    }

    private static Double normalised(JsonNode q, JsonNode answer) {
        String type = q.path("type").asString("");
        return switch (type) {
            case "boolean" -> answer.isBoolean() ? (answer.asBoolean() ? 1.0 : 0.0) : null;
            case "rating" -> q.has("rateValues") ? choiceScore(q.get("rateValues"), answer) : rating(q, answer);
            case "radiogroup", "dropdown" -> choiceScore(q.path("choices"), answer);
            case "checkbox" -> checkbox(q.path("choices"), answer);
            case "matrix" -> matrix(q.path("columns"), answer);
            default -> null;
        };
    }

    private static Double rating(JsonNode q, JsonNode answer) {
        if (!answer.isNumber()) {
            return null;
        }
        double min = q.path("rateMin").asDouble(1);
        double max = q.path("rateMax").asDouble(5);
        return max <= min ? null : Math.clamp((answer.asDouble() - min) / (max - min), 0, 1);
    }

    private static Double choiceScore(JsonNode choices, JsonNode answer) {
        double max = maxScore(choices);
        if (max <= 0) {
            return null;
        }
        for (JsonNode c : choices) {
            if (c.isObject() && c.has("score") && same(c.get("value"), answer)) {
                return Math.clamp(c.get("score").asDouble() / max, 0, 1);
            }
        }
        return null;
    }

    private static Double checkbox(JsonNode choices, JsonNode answer) {
        double total = 0;
        for (JsonNode c : choices) {
            if (c.isObject() && c.path("score").asDouble(0) > 0) {
                total += c.get("score").asDouble();
            }
        }
        if (total <= 0 || !answer.isArray()) {
            return null;
        }
        double sum = 0;
        for (JsonNode picked : answer) {
            for (JsonNode c : choices) {
                if (c.isObject() && c.has("score") && same(c.get("value"), picked)) {
                    sum += c.get("score").asDouble();
                }
            }
        }
        return Math.clamp(sum / total, 0, 1);
    }

    private static Double matrix(JsonNode columns, JsonNode answer) {
        if (!answer.isObject() || answer.isEmpty()) {
            return null;
        }
        double sum = 0;
        int rows = 0;
        for (String row : answer.propertyNames()) {
            Double s = choiceScore(columns, answer.get(row));
            if (s != null) {
                sum += s;
                rows++;
            }
        }
        return rows == 0 ? null : sum / rows;
    }

    private static double maxScore(JsonNode choices) {
        double max = 0;
        for (JsonNode c : choices) {
            if (c.isObject() && c.has("score")) {
                max = Math.max(max, c.get("score").asDouble());
            }
        }
        return max;
    }

    private static boolean same(JsonNode value, JsonNode answer) {
        return value != null && (value.equals(answer) || (value.isValueNode() && answer.isValueNode() && value.asString("").equals(answer.asString(""))));
    }

    /** Calls {@code visit} for each question (panels opened) whose page, panels and own visibleIf hold. */
    static void forEachVisibleQuestion(JsonNode definition, JsonNode answers, java.util.function.Consumer<JsonNode> visit) {
        for (JsonNode page : definition.path("pages")) {
            if (visible(page, answers)) {
                visibleIn(page.path("elements"), answers, visit);
            }
        }
    }

    private static void visibleIn(JsonNode elements, JsonNode answers, java.util.function.Consumer<JsonNode> visit) {
        for (JsonNode e : elements) {
            if (!visible(e, answers)) {
                continue;
            }
            if ("panel".equals(e.path("type").asString(""))) {
                visibleIn(e.path("elements"), answers, visit);
            } else {
                visit.accept(e);
            }
        }
    }

    private static boolean visible(JsonNode e, JsonNode answers) {
        return !e.hasNonNull("visibleIf") || SurveyExpression.evaluate(e.get("visibleIf").asString(), answers);
    }

    /** Every question (not panels, not pages) with its JSON path. */
    public static void forEachQuestion(JsonNode definition, BiConsumer<JsonNode, String> visit) {
        forEachElement(definition, (e, path) -> {
            if (e.has("type") && !"panel".equals(e.path("type").asString("")) && !"html".equals(e.path("type").asString(""))) {
                visit.accept(e, path);
            }
        });
    }

    /** Pages and elements, depth first, with their JSON paths ({@code $.pages[0].elements[2]}). */
    private static void forEachElement(JsonNode definition, BiConsumer<JsonNode, String> visit) {
        int p = 0;
        for (JsonNode page : definition.path("pages")) {
            String path = "$.pages[" + p++ + "]";
            visit.accept(page, path);
            elements(page.path("elements"), path, visit);
        }
    }

    private static void elements(JsonNode list, String parent, BiConsumer<JsonNode, String> visit) {
        int i = 0;
        for (JsonNode e : list) {
            String path = parent + ".elements[" + i++ + "]";
            visit.accept(e, path);
            elements(e.path("elements"), path, visit);
        }
    }
}
