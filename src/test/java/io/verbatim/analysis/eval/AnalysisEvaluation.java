package io.verbatim.analysis.eval;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.QaConfigs;
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

        Report(boolean verbose) {
            this.verbose = verbose;
            QA_KEYS.forEach(k -> qa.put(k, new int[2]));
        }

        void add(EvalCall call, AnalysisResult result) {
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

        public String render() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("QA item accuracy (null = null counts as correct): %.3f%n", qaAccuracy()));
            qa.forEach((k, c) -> sb.append(String.format("  %-26s %2d/%2d  %.2f%n", k, c[0], c[1], (double) c[0] / c[1])));
            if (verbose) {
                notes.forEach(n -> sb.append(n).append('\n'));
            }
            return sb.toString();
        }
    }
}
