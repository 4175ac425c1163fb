package io.verbatim.evaluation.scoring;

import io.verbatim.evaluation.Calibration;
import io.verbatim.evaluation.FieldScore;
import io.verbatim.evaluation.Figures;
import io.verbatim.evaluation.LabelledCall;
import io.verbatim.evaluation.MatchScore;
import io.verbatim.evaluation.TextSimilarity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Accumulates the figures of a set of analysed conversations. Every field is scored only where the
 * labels have it (a present null is the value null). Not thread-safe.
 */
public final class Scorer {

    /** The 11 QA keys of the labelled set's scorecard. */
    public static final List<String> QA_KEYS = List.of("greeting", "identified_self", "verified_customer", "showed_empathy",
            "identified_needs", "offered_solution", "asked_for_sale_or_booking", "confirmed_next_steps", "closing",
            "value_added", "interrupted_customer");
    /** Gold field -> flat call record field. */
    private static final Map<String, String> CATEGORICAL = new LinkedHashMap<>();

    static {
        CATEGORICAL.put("customer_sentiment", "customer_sentiment");
        CATEGORICAL.put("sentiment_trend", "sentiment_trend");
        CATEGORICAL.put("call_reason", "call_reason");
        CATEGORICAL.put("booking_status", "booking_status");
        CATEGORICAL.put("qualification", "qualification");
        CATEGORICAL.put("outcome", "outcome");
        CATEGORICAL.put("kpis.resolution", "resolution");
    }

    private final ActionItemMatcher matcher;
    private final Map<String, Tally> fields = new LinkedHashMap<>();
    private final Map<String, Map<String, Tally>> judged = new LinkedHashMap<>();
    private final Map<String, int[]> calibration = new TreeMap<>();
    private final int[] objections = new int[3];
    private final int[] objectionsPerCall = new int[3];
    private final int[] actions = new int[3];
    private final PiiScorer pii = new PiiScorer();
    private boolean piiScored;
    private boolean anyLlm;
    private boolean hasObjections;
    private boolean hasActions;
    private int conversations;

    public Scorer(TextSimilarity similarity) {
        this.matcher = new ActionItemMatcher(similarity);
    }

    public void add(LabelledCall c) {
        if (!c.analysed()) {
            return;
        }
        conversations++;
        JsonNode labels = c.labels();
        JsonNode call = c.call();
        Map<String, String> gold = new LinkedHashMap<>();
        CATEGORICAL.forEach((field, recordField) -> {
            JsonNode g = at(labels, field);
            if (g != null) {
                gold.put(field, value(g));
                tally(field).add(value(g), value(call.get(recordField)));
            }
        });
        JsonNode qaGold = labels.get("qa");
        if (qaGold != null && qaGold.isObject()) {
            Map<String, String> items = qaItems(c.qa());
            for (String key : qaGold.propertyNames()) {
                String g = value(qaGold.get(key));
                gold.put("qa." + key, g);
                tally("qa." + key).add(g, items.getOrDefault(key, "null"));
            }
        }
        if (labels.has("deal_value")) {
            JsonNode g = labels.get("deal_value");
            JsonNode p = call.get("deal_value");
            boolean ok = isNumber(g) && isNumber(p) ? Math.abs(g.asDouble() - p.asDouble()) <= 1.0 : !isNumber(g) && !isNumber(p);
            tally("deal_value", false).add(isNumber(g) ? "number" : "null", isNumber(p) ? "number" : "null", ok);
        }
        JsonNode effort = at(labels, "kpis.customer_effort_1to5");
        if (effort != null) {
            JsonNode p = call.path("kpis").get("customer_effort_1to5");
            tally("kpis.customer_effort_1to5").addEffort(isNumber(effort) ? effort.asInt() : null, isNumber(p) ? p.asInt() : null);
        }
        if (labels.has("objections")) {
            hasObjections = true;
            objections(labels.get("objections"), call.path("objections"));
        }
        if (labels.has("action_items")) {
            hasActions = true;
            actionItems(labels.get("action_items"), call.path("action_items"));
        }
        if (labels.has("pii")) {
            piiScored = true;
            pii.add(labels, c.turnTexts(), call.path("pii"));
        }
        judgments(call.path("judgments"), gold);
    }

    private void objections(JsonNode goldList, JsonNode predictedList) {
        Set<String> gold = ObjectionMatch.keys(goldList);
        Set<String> got = ObjectionMatch.keys(predictedList);
        add(objections, ObjectionMatch.pairs(gold, got));
        add(objectionsPerCall, ObjectionMatch.perCall(gold, got));
    }

    private static void add(int[] sum, int[] counts) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += counts[i];
        }
    }

    private void actionItems(JsonNode goldList, JsonNode predictedList) {
        List<ActionItemMatcher.Item> gold = new ArrayList<>();
        goldList.forEach(a -> gold.add(new ActionItemMatcher.Item(a.path("owner").asString(""), a.path("text").asString(""))));
        List<ActionItemMatcher.Item> got = new ArrayList<>();
        predictedList.forEach(a -> got.add(new ActionItemMatcher.Item(a.path("owner").asString(""), a.path("text").asString(""))));
        actions[0] += matcher.match(gold, got, new ArrayList<>());
        actions[1] += got.size();
        actions[2] += gold.size();
    }

    /** Each judgment of a scored field: per source, and high vs low confidence. */
    private void judgments(JsonNode list, Map<String, String> gold) {
        for (JsonNode j : list) {
            String field = j.path("field").asString("");
            String goldField = field.equals("resolution") ? "kpis.resolution" : field;
            if (!gold.containsKey(goldField)) {
                continue;
            }
            String source = j.path("source").asString("built_in");
            anyLlm |= source.equals("llm");
            String predicted = judgmentValue(j.get("value"));
            judged.computeIfAbsent(goldField, k -> new TreeMap<>()).computeIfAbsent(source, k -> new Tally(false))
                    .add(gold.get(goldField), predicted);
            boolean ok = gold.get(goldField).equals(predicted);
            int[] c = calibration.computeIfAbsent(source.equals("llm") ? goldField + " (llm)" : goldField, k -> new int[4]);
            if (j.path("low_confidence").asBoolean(false)) {
                c[2]++;
                c[3] += ok ? 1 : 0;
            } else {
                c[0]++;
                c[1] += ok ? 1 : 0;
            }
        }
    }

    public Figures figures() {
        Map<String, FieldScore> scores = new LinkedHashMap<>();
        fields.forEach((k, t) -> scores.put(k, t.score()));
        Map<String, MatchScore> matches = new LinkedHashMap<>();
        if (hasObjections) {
            matches.put("objections", MatchScore.of(objections[0], objections[1], objections[2]));
            matches.put("objections.per_call", MatchScore.of(objectionsPerCall[0], objectionsPerCall[1], objectionsPerCall[2]));
        }
        if (hasActions) {
            matches.put("action_items", MatchScore.of(actions[0], actions[1], actions[2]));
        }
        if (piiScored) {
            int[] all = new int[3];
            pii.counts.values().forEach(c -> {
                all[0] += c[0];
                all[1] += c[1];
                all[2] += c[2];
            });
            matches.put("pii", MatchScore.of(all[0], all[1], all[2]));
            pii.counts.forEach((type, c) -> matches.put("pii." + type, MatchScore.of(c[0], c[1], c[2])));
        }
        Map<String, Map<String, FieldScore>> bySource = new LinkedHashMap<>();
        if (anyLlm) {
            judged.forEach((field, sources) -> {
                Map<String, FieldScore> m = new TreeMap<>();
                sources.forEach((s, t) -> m.put(s, t.score()));
                bySource.put(field, m);
            });
        }
        Map<String, Calibration> cal = new LinkedHashMap<>();
        calibration.forEach((k, c) -> cal.put(k, Calibration.of(c[0], c[1], c[2], c[3])));
        return new Figures(conversations, scores, matches, bySource, cal);
    }

    private Tally tally(String field) {
        return tally(field, true);
    }

    private Tally tally(String field, boolean confusion) {
        return fields.computeIfAbsent(field, k -> new Tally(confusion));
    }

    static Map<String, String> qaItems(JsonNode qa) {
        Map<String, String> out = new LinkedHashMap<>();
        if (qa != null) {
            qa.path("items").forEach(i -> out.put(i.path("key").asString(""), judgmentValue(i.get("result"))));
        }
        return out;
    }

    /** A QA result (met / not_met / not_applicable) as the labels write it; any other value as it is. */
    static String judgmentValue(JsonNode v) {
        String s = value(v);
        return switch (s) {
            case "met" -> "true";
            case "not_met" -> "false";
            case "not_applicable" -> "null";
            default -> s;
        };
    }

    static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        return v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) ? Long.toString(v.asLong()) : v.asString();
    }

    private static boolean isNumber(JsonNode v) {
        return v != null && v.isNumber();
    }

    /** A dotted path into the labels, or null when a step is absent (a present null is returned as null node). */
    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String step : path.split("\\.")) {
            if (current == null || !current.isObject() || !current.has(step)) {
                return null;
            }
            current = current.get(step);
        }
        return current;
    }
}
