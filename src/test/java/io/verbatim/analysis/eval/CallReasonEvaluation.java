package io.verbatim.analysis.eval;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.QaConfig;
import io.verbatim.analysis.internal.reasons.ReasonClassifier;
import io.verbatim.analysis.internal.reasons.ReasonClassifier.Params;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Call-reason accuracy with a tenant taxonomy: for each folder, the taxonomy is the folder's distinct gold
 * {@code call_reason} keys (keys only), the analyst runs on every call, and the printed accuracy is split
 * into tuned / held-out ({@link ReasonSet#heldOut}) / all, with the confusions. Usage:
 * {@code CallReasonEvaluation <folder>... [--verbose] [--threshold X]}.
 */
public final class CallReasonEvaluation {

    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("--verbose");
        // --threshold X: the second line uses X instead of never answering "other" (what another threshold would give)
        int t = List.of(args).indexOf("--threshold");
        double threshold = t >= 0 ? Double.parseDouble(args[t + 1]) : Double.NEGATIVE_INFINITY;
        Analyst analyst = new Analyst();
        ReasonClassifier closed = new ReasonClassifier(new MiniLmEmbedder(), new ReasonClassifier.Params(
                Params.DEFAULTS.customerTurns(), Params.DEFAULTS.agentTurns(), Params.DEFAULTS.agentWeight(),
                Params.DEFAULTS.decay(), Params.DEFAULTS.lexicalWeight(), Params.DEFAULTS.joinedWeight(), threshold));
        for (String a : args) {
            if (!a.startsWith("--") && !a.matches("[0-9.]+")) {
                ReasonSet set = ReasonSet.load(Path.of(a));
                Result result = run(set, analyst, verbose);
                System.out.print(result.render());
                // The same classifier never answering "other": what the threshold costs on in-taxonomy calls.
                Result top = new Result(set.name(), set.taxonomy().size(), false);
                for (EvalCall call : set.calls()) {
                    top.add(call, ReasonSet.gold(call), closed.classify(new ConversationText(call.transcript()), set.taxonomy()).category());
                }
                System.out.printf("  %s: tuned %.3f  held-out %.3f  all %.3f%n%n",
                        t >= 0 ? "at threshold " + threshold : "without 'other' (top reason always)",
                        top.accuracy(top.tuned), top.accuracy(top.heldOut), top.all());
            }
        }
    }

    static Result run(ReasonSet set, Analyst analyst, boolean verbose) {
        // No scorecards: the call reason is what is measured, and scoring would only cost time.
        QaConfig config = new QaConfig(QaConfig.CURRENT_VERSION, Map.of(), List.of(), List.of(), set.taxonomy());
        Result result = new Result(set.name(), set.taxonomy().size(), verbose);
        for (EvalCall call : set.calls()) {
            AnalysisResult r = analyst.analyse(call.transcript(), call.attributes(), config, null);
            result.add(call, ReasonSet.gold(call), r.callReason().category());
        }
        return result;
    }

    static final class Result {
        final String name;
        final int reasons;
        final boolean verbose;
        final int[] tuned = new int[2];
        final int[] heldOut = new int[2];
        final Map<String, Integer> confusions = new TreeMap<>();
        final List<String> misses = new ArrayList<>();

        Result(String name, int reasons, boolean verbose) {
            this.name = name;
            this.reasons = reasons;
            this.verbose = verbose;
        }

        void add(EvalCall call, String gold, String got) {
            int[] bucket = ReasonSet.heldOut(call.id()) ? heldOut : tuned;
            bucket[1]++;
            if (gold.equals(got)) {
                bucket[0]++;
            } else {
                confusions.merge(gold + " -> " + got, 1, Integer::sum);
                if (bucket == tuned) {
                    // only tuned calls are listed one by one: the held-out ones are not for reading while tuning
                    misses.add(call.id() + ": " + gold + " -> " + got);
                }
            }
        }

        double accuracy(int[] c) {
            return c[1] == 0 ? Double.NaN : (double) c[0] / c[1];
        }

        double all() {
            return accuracy(new int[] {tuned[0] + heldOut[0], tuned[1] + heldOut[1]});
        }

        String render() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%s (%d reasons, keys only)%n", name, reasons));
            sb.append(String.format("  accuracy  tuned %.3f (%d/%d)  held-out %.3f (%d/%d)  all %.3f (%d/%d)%n",
                    accuracy(tuned), tuned[0], tuned[1], accuracy(heldOut), heldOut[0], heldOut[1], all(),
                    tuned[0] + heldOut[0], tuned[1] + heldOut[1]));
            confusions.forEach((k, v) -> sb.append(String.format("  %3d  %s%n", v, k)));
            if (verbose) {
                misses.forEach(m -> sb.append("    ").append(m).append('\n'));
            }
            return sb.toString();
        }
    }
}
