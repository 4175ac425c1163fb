package io.verbatim.evaluation;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The report as plain text: what the bench command prints. */
public final class ReportText {

    private ReportText() {
    }

    public static String render(EvaluationReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append(f("Conversations: %d, analysed %d, failed %d%n", report.conversations(), report.all().conversations(),
                report.failures().size()));
        report.failures().forEach(x -> sb.append(f("  FAILED %s: %s%n", x.id(), x.reason())));
        sb.append("\n== All conversations\n");
        figures(sb, report.all());
        sb.append(f("%n== Held out (sha1(id) starts with 0-3): %d conversations%n", report.heldOut().conversations()));
        figures(sb, report.heldOut());
        return sb.toString();
    }

    private static void figures(StringBuilder sb, Figures figures) {
        if (figures.conversations() == 0) {
            sb.append("  (none)\n");
            return;
        }
        sb.append(f("  %-30s %9s  %s%n", "field", "accuracy", "correct/scored"));
        figures.fields().forEach((field, s) -> {
            sb.append(f("  %-30s %9.3f  %d/%d", field, s.accuracy(), s.correct(), s.scored()));
            if (s.withinOne() != null) {
                sb.append(f("   within one %d/%d (%.3f)", s.withinOne(), s.scored(), (double) s.withinOne() / s.scored()));
            }
            sb.append('\n');
        });
        if (!figures.matches().isEmpty()) {
            sb.append(f("  %-30s %6s %6s %6s   %s%n", "matched items", "P", "R", "F1", "tp/predicted/gold"));
            figures.matches().forEach((k, m) -> sb.append(f("  %-30s %6.3f %6.3f %6.3f   %d/%d/%d%n", k, m.precision(), m.recall(),
                    m.f1(), m.truePositives(), m.predicted(), m.gold())));
        }
        figures.fields().forEach((field, s) -> {
            if (s.confusion() != null && !field.startsWith("qa.")) {
                confusion(sb, field, s);
            }
        });
        figures.fields().forEach((field, s) -> {
            if (s.confusion() != null && field.startsWith("qa.")) {
                confusion(sb, field, s);
            }
        });
        if (!figures.judged().isEmpty()) {
            sb.append("  Built-in vs LLM judgments (accuracy, n)\n");
            figures.judged().forEach((field, bySource) -> {
                sb.append(f("  %-30s", field));
                bySource.forEach((source, s) -> sb.append(f("  %s %.3f (%d)", source, s.accuracy(), s.scored())));
                sb.append('\n');
            });
        }
        if (!figures.calibration().isEmpty()) {
            sb.append(f("  %-30s %22s %22s%n", "confidence separates?", "high: acc (n)", "low: acc (n)"));
            figures.calibration().forEach((field, c) -> sb.append(f("  %-30s %22s %22s%n", field, bucket(c.highAccuracy(), c.high()),
                    bucket(c.lowAccuracy(), c.low()))));
        }
    }

    private static String bucket(Double accuracy, int n) {
        return accuracy == null ? "- (0)" : f("%.3f (%d)", accuracy, n);
    }

    private static void confusion(StringBuilder sb, String field, FieldScore s) {
        grid(sb, field, s);
        if (s.classes() != null && s.classes().size() <= 12) {
            StringBuilder line = new StringBuilder();
            s.classes().forEach((value, m) -> line.append(line.isEmpty() ? "" : ", ")
                    .append(f("%s P %.2f R %.2f F1 %.2f", value, m.precision(), m.recall(), m.f1())));
            sb.append("    per value: ").append(line).append('\n');
        }
    }

    private static void grid(StringBuilder sb, String field, FieldScore s) {
        TreeSet<String> predicted = new TreeSet<>();
        s.confusion().values().forEach(row -> predicted.addAll(row.keySet()));
        if (predicted.size() > 20 || s.confusion().size() > 40) {
            sb.append(f("  %s: %d gold values, %d predicted values (confusion matrix in the JSON report)%n", field,
                    s.confusion().size(), predicted.size()));
            return;
        }
        int width = Math.max(6, predicted.stream().mapToInt(String::length).max().orElse(6));
        if (predicted.size() * (width + 1) > 100) {
            // too wide for a grid: one line per gold value with what it was predicted as
            sb.append(f("  %s (gold -> predicted x count)%n", field));
            s.confusion().forEach((gold, row) -> {
                StringBuilder line = new StringBuilder();
                row.forEach((p, n) -> line.append(line.isEmpty() ? "" : ", ").append(p.equals(gold) ? "=" : p).append(" x").append(n));
                sb.append(f("    %-32s -> %s%n", gold, line));
            });
            return;
        }
        int first = Math.max(12, s.confusion().keySet().stream().mapToInt(String::length).max().orElse(12));
        sb.append(f("  %s (rows gold, columns predicted)%n", field));
        sb.append(f("    %-" + first + "s", "")).append(' ');
        predicted.forEach(p -> sb.append(f(" %" + width + "s", p)));
        sb.append('\n');
        for (Map.Entry<String, Map<String, Integer>> row : s.confusion().entrySet()) {
            sb.append(f("    %-" + first + "s", row.getKey())).append(' ');
            predicted.forEach(p -> sb.append(f(" %" + width + "d", row.getValue().getOrDefault(p, 0))));
            sb.append('\n');
        }
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
