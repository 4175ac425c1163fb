package io.verbatim.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.Analyst;
import io.verbatim.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression floors on the labelled calls (the figures themselves: {@link AnalysisEvaluation#main}).
 * The floors sit a little under today's figures so that a rule change that loses ground fails here.
 */
class AnalysisEvaluationTest {

    private static AnalysisEvaluation.Report report;
    /** The 70 calls written for evaluation (src/test/resources/evaluation/written): calls no rule was written against. */
    private static AnalysisEvaluation.Report written;

    @BeforeAll
    static void run() {
        Analyst analyst = new Analyst();
        report = AnalysisEvaluation.run(TestData.root().resolve("calls"), analyst, false);
        System.out.println(report.render());
        written = AnalysisEvaluation.run(java.nio.file.Path.of("src/test/resources/evaluation/written"), analyst, false);
        System.out.println(written.render());
    }

    @Test
    void writtenSetFloors() {
        // Floors, not targets. The 40 wd_* calls of an eleventh writer (December 6) lowered every figure from the first
        // 30 calls' (booking 0.967 -> 0.843, QA 0.885 -> 0.857, objections F1 0.48 -> 0.42): data nobody tuned on.
        assertThat(written.fieldAccuracy("booking_status")).isGreaterThanOrEqualTo(0.80);
        assertThat(written.objectionF1()).isGreaterThanOrEqualTo(0.38);
        assertThat(written.qaAccuracy()).isGreaterThanOrEqualTo(0.83);
    }

    @Test
    void qaItemAccuracy() {
        // The trained item judges (docs/analysis-evaluation.md, "Trained judges") give up some of the rules' memorised
        // accuracy on these 16 calls (0.994 -> ~0.93) for calls nobody wrote rules against (written held-out 0.85 -> ~0.95).
        assertThat(report.qaAccuracy()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void objectionsAndActionItems() {
        // the trained objection judge gives up the rule set's memorised precision on these calls (F1 1.0 -> ~0.6)
        // for calls nobody wrote rules against (written set 0.14 -> 0.41 -> ~0.46; training set cross-validated 0.27 -> 0.45)
        assertThat(report.objectionF1()).isGreaterThanOrEqualTo(0.55);
        assertThat(report.actionItemF1()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void outcomeFields() {
        assertThat(report.fieldAccuracy("booking_status")).isGreaterThanOrEqualTo(0.93);
        assertThat(report.fieldAccuracy("qualification")).isGreaterThanOrEqualTo(0.93);
        assertThat(report.fieldAccuracy("outcome")).isGreaterThanOrEqualTo(0.93);
        assertThat(report.fieldAccuracy("resolution")).isGreaterThanOrEqualTo(0.87);
        assertThat(report.fieldAccuracy("deal_value")).isEqualTo(1.0);
    }

    @Test
    void callReasonLoosely() {
        assertThat(report.reasonLooseAccuracy()).isGreaterThanOrEqualTo(0.85);
    }
}
