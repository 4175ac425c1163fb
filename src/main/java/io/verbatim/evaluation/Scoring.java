package io.verbatim.evaluation;

import io.verbatim.evaluation.scoring.Scorer;
import java.util.List;

/** Scores a labelled set: pure, from labels and analyses to a report. */
public final class Scoring {

    private Scoring() {
    }

    public static EvaluationReport score(List<LabelledCall> calls, TextSimilarity similarity) {
        Scorer all = new Scorer(similarity);
        Scorer heldOut = new Scorer(similarity);
        List<EvaluationReport.Failure> failures = new java.util.ArrayList<>();
        for (LabelledCall call : calls) {
            if (!call.analysed()) {
                failures.add(new EvaluationReport.Failure(call.id(), call.failure() == null ? "no analysis" : call.failure()));
                continue;
            }
            all.add(call);
            if (HeldOut.contains(call.id())) {
                heldOut.add(call);
            }
        }
        return new EvaluationReport(calls.size(), List.copyOf(failures), all.figures(), heldOut.figures());
    }

    /** The QA keys of the labelled set's scorecard, in the order reports list them. */
    public static List<String> qaKeys() {
        return Scorer.QA_KEYS;
    }
}
