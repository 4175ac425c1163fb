package io.verbatim.analysis.internal.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleConfidenceTest {

    @Test
    void aRulesRecordIsShrunkTowardsThePriorSoFewSightingsClaimLittle() {
        RuleConfidence c = new RuleConfidence(0.75, 4, Map.of(
                "resolution\u0000fallback", new double[] {5, 8},
                "resolution\u0000escalated", new double[] {40, 40}));
        assertThat(c.confidence("resolution", "fallback")).isCloseTo(8 / 12.0, within(1e-9));
        assertThat(c.confidence("resolution", "escalated")).isCloseTo(43 / 44.0, within(1e-9));
        assertThat(c.confidence("resolution", "never seen")).isEqualTo(0.75);
        assertThat(c.confidence("qualification", null)).isEqualTo(0.75);
    }

    @Test
    void theShippedCountsLoadAndRankTheFallbackBelowAnEvidencedRule() {
        assertThat(RuleConfidence.of("resolution", "questions answered, no escalation or open sale"))
                .isLessThan(RuleConfidence.of("resolution", "from the booking status (booked)"));
    }
}
