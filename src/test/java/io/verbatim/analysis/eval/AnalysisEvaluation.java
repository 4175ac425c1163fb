package io.verbatim.analysis.eval;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.evaluation.scoring.ActionItemMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Runs the analyst over the labelled calls and prints the figures. Usage:
 * {@code AnalysisEvaluation [testdata-dir] [--verbose]}.
 */
public final class AnalysisEvaluation {

    static final List<String> QA_KEYS = List.of("greeting", "identified_self", "verified_customer", "showed_empathy",
            "identified_needs", "offered_solution", "asked_for_sale_or_booking", "confirmed_next_steps", "closing",
            "value_added", "interrupted_customer");

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0]
                : System.getProperty("verbatim.testdata", "../shared/testdata"));
        boolean verbose = List.of(args).contains("--verbose");
        Report report = run(root.resolve("calls"), new Analyst(), verbose);
        System.out.println(report.render());
    }

    public static Report run(Path calls, Analyst analyst, boolean verbose) {
        Report report = new Report(verbose);
        for (EvalCall call : EvalCall.load(calls)) {
            AnalysisResult result = analyst.analyse(call.transcript(), call.attributes(), QaConfigs.defaults(), call.goldSentiment());
            report.add(call, result);
        }
        return report;
    }

    public static final class Report {
        final boolean verbose;
        final Map<String, int[]> qa = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        final Map<String, int[]> fields = new LinkedHashMap<>();
        final int[] objections = new int[3];
        final int[] actions = new int[3];
        final int[] reasonExact = new int[2];
        final int[] reasonLoose = new int[2];
        final int[] effort = new int[3];
        final List<String> deals = new ArrayList<>();
        final ActionItemMatcher matcher = new ActionItemMatcher(new SemanticSimilarity());

        Report(boolean verbose) {
            this.verbose = verbose;
            QA_KEYS.forEach(k -> qa.put(k, new int[2]));
        }

        void add(EvalCall call, AnalysisResult result) {
            addQa(call, result);
            JsonNode labels = call.labels();
            field("booking_status", call, labels.path("booking_status"), wire(result.outcomes().bookingStatus()));
            field("qualification", call, labels.path("qualification"), wire(result.outcomes().qualification()));
            field("outcome", call, labels.path("outcome"), wire(result.outcomes().outcome()));
            field("resolution", call, labels.path("kpis").path("resolution"), wire(result.outcomes().resolution()));
            Double goldDeal = labels.path("deal_value").isNumber() ? labels.path("deal_value").doubleValue() : null;
            if (goldDeal != null || result.outcomes().dealValue() != null) {
                deals.add(call.id() + " gold=" + goldDeal + " got=" + result.outcomes().dealValue());
            }
            field("deal_value", call, labels.path("deal_value").isNumber() ? labels.path("deal_value").asString() : null,
                    result.outcomes().dealValue() == null ? null : stripZero(result.outcomes().dealValue()));
            // objections: (turn, category) pairs
            java.util.Set<String> gold = new java.util.LinkedHashSet<>();
            labels.path("objections").forEach(o -> gold.add(o.path("turn").asInt() + ":" + o.path("category").asString()));
            java.util.Set<String> got = new java.util.LinkedHashSet<>();
            result.objections().forEach(o -> got.add(o.turn() + ":" + o.category().wire()));
            java.util.Set<String> tp = new java.util.LinkedHashSet<>(got);
            tp.retainAll(gold);
            objections[0] += tp.size();
            objections[1] += got.size();
            objections[2] += gold.size();
            if (!gold.equals(got)) {
                notes.add(String.format("OBJ %-8s gold=%s got=%s", call.id(), gold, got));
            }
            // action items: owner + fuzzy text
            List<ActionItemMatcher.Item> goldItems = new ArrayList<>();
            labels.path("action_items").forEach(a -> goldItems.add(new ActionItemMatcher.Item(a.path("owner").asString(), a.path("text").asString())));
            List<ActionItemMatcher.Item> gotItems = result.actionItems().stream()
                    .map(a -> new ActionItemMatcher.Item(a.owner().wire(), a.text())).toList();
            List<String> pairs = new ArrayList<>();
            int matched = matcher.match(goldItems, gotItems, pairs);
            actions[0] += matched;
            actions[1] += gotItems.size();
            actions[2] += goldItems.size();
            if (matched != goldItems.size() || matched != gotItems.size()) {
                notes.add(String.format("ACT %-8s matched %d of gold %d, predicted %d%n      gold: %s%n      got:  %s%n      pairs: %s",
                        call.id(), matched, goldItems.size(), gotItems.size(), goldItems, gotItems, pairs));
            }
            // call reason
            String goldReason = labels.path("call_reason").asString("");
            String reason = result.callReason().category();
            reasonExact[1]++;
            reasonLoose[1]++;
            reasonExact[0] += goldReason.equals(reason) ? 1 : 0;
            boolean loose = ReasonMatch.loose(goldReason, reason);
            reasonLoose[0] += loose ? 1 : 0;
            notes.add(String.format("RSN %-8s gold=%-32s got=%-32s %s", call.id(), goldReason, reason, loose ? "~" : "x"));
            int goldEffort = labels.path("kpis").path("customer_effort_1to5").asInt();
            int gotEffort = result.kpis().customerEffort1to5();
            effort[0] += goldEffort == gotEffort ? 1 : 0;
            effort[1] += Math.abs(goldEffort - gotEffort) <= 1 ? 1 : 0;
            effort[2]++;
            if (goldEffort != gotEffort) {
                notes.add(String.format("EFF %-8s gold=%d got=%d %s", call.id(), goldEffort, gotEffort,
                        result.kpis().factors().stream().filter(f -> f.kpi().equals("customer_effort_1to5")).map(f -> f.factor()).toList()));
            }
            notes.add(String.format("SUM %-8s %s", call.id(), result.summary().text()));
        }

        private static String stripZero(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }

        private static String wire(Object e) {
            if (e == null) {
                return null;
            }
            return ((Enum<?>) e).name().toLowerCase(java.util.Locale.ROOT);
        }

        private void field(String name, EvalCall call, JsonNode gold, String got) {
            field(name, call, gold == null || gold.isNull() || gold.isMissingNode() ? null : gold.asString(), got);
        }

        private void field(String name, EvalCall call, String gold, String got) {
            int[] c = fields.computeIfAbsent(name, k -> new int[2]);
            c[1]++;
            if (java.util.Objects.equals(gold, got)) {
                c[0]++;
            } else {
                notes.add(String.format("FLD %-8s %-15s gold=%-12s got=%s", call.id(), name, gold, got));
            }
        }

        void addQa(EvalCall call, AnalysisResult result) {
            JsonNode gold = call.labels().path("qa");
            for (String key : QA_KEYS) {
                JsonNode g = gold.get(key);
                Boolean expected = g == null || g.isNull() ? null : g.booleanValue();
                ItemResult item = result.scorecard() == null ? null : result.scorecard().item(key);
                Boolean actual = item == null || item.result() == ItemStatus.NOT_APPLICABLE ? null : item.result() == ItemStatus.MET;
                int[] c = qa.get(key);
                c[1]++;
                if (java.util.Objects.equals(expected, actual)) {
                    c[0]++;
                } else {
                    notes.add(String.format("QA %-8s %-26s gold=%-5s got=%-5s %s", call.id(), key, expected, actual,
                            item == null ? "" : item.evidence().stream().map(e -> e.turn() + ":" + e.quote()).limit(2).toList()));
                }
            }
        }

        public double qaAccuracy() {
            int ok = 0;
            int all = 0;
            for (int[] c : qa.values()) {
                ok += c[0];
                all += c[1];
            }
            return all == 0 ? 0 : (double) ok / all;
        }

        public double objectionF1() {
            return f1(objections);
        }

        public double actionItemF1() {
            return f1(actions);
        }

        public double fieldAccuracy(String name) {
            int[] c = fields.get(name);
            return c == null || c[1] == 0 ? 0 : (double) c[0] / c[1];
        }

        public double reasonLooseAccuracy() {
            return (double) reasonLoose[0] / Math.max(1, reasonLoose[1]);
        }

        static double f1(int[] c) {
            double p = c[1] == 0 ? 1 : (double) c[0] / c[1];
            double r = c[2] == 0 ? 1 : (double) c[0] / c[2];
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public String render() {
            StringBuilder sb = new StringBuilder();
            if (verbose) {
                notes.stream().sorted().forEach(n -> sb.append(n).append('\n'));
                sb.append('\n');
            }
            sb.append(String.format("QA item accuracy (null = null counts as correct): %.3f%n", qaAccuracy()));
            qa.forEach((k, c) -> sb.append(String.format("  %-26s %2d/%2d  %.2f%n", k, c[0], c[1], (double) c[0] / c[1])));
            sb.append(String.format("Objections (turn+category) P %.2f R %.2f F1 %.3f  (tp %d, predicted %d, gold %d)%n",
                    objections[1] == 0 ? 1.0 : (double) objections[0] / objections[1], objections[2] == 0 ? 1.0 : (double) objections[0] / objections[2],
                    objectionF1(), objections[0], objections[1], objections[2]));
            sb.append(String.format("Action items (owner + fuzzy text) P %.2f R %.2f F1 %.3f  (tp %d, predicted %d, gold %d)%n",
                    actions[1] == 0 ? 1.0 : (double) actions[0] / actions[1], actions[2] == 0 ? 1.0 : (double) actions[0] / actions[2],
                    actionItemF1(), actions[0], actions[1], actions[2]));
            fields.forEach((k, c) -> sb.append(String.format("%-16s accuracy %2d/%2d  %.2f  (null = null counts as correct)%n", k, c[0], c[1], (double) c[0] / c[1])));
            sb.append("Deal values: ").append(deals).append('\n');
            sb.append(String.format("Call reason: exact %d/%d, loose %d/%d (%.2f)%n", reasonExact[0], reasonExact[1], reasonLoose[0], reasonLoose[1], reasonLooseAccuracy()));
            sb.append(String.format("Customer effort 1-5: exact %d/%d, within 1: %d/%d%n", effort[0], effort[2], effort[1], effort[2]));
            return sb.toString();
        }
    }
}
