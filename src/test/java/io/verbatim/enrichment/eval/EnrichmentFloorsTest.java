package io.verbatim.enrichment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.enrichment.Enricher;
import io.verbatim.enrichment.PiiType;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floors the enrichment must keep on the 16 labelled calls (so a regression fails the build): PII
 * recall at least 0.95 and precision at least 0.9, overall and with or without the participants' names
 * from the metadata; customer-sentiment accuracy at least 0.8. Figures: {@link EnrichmentEvaluation}.
 */
class EnrichmentFloorsTest {

    private static Enricher enricher;
    private static Path calls;

    @BeforeAll
    static void load() {
        enricher = new Enricher();
        calls = Path.of(io.verbatim.support.TestData.root().toString()).resolve("calls");
    }

    @Test
    void piiRecallAndPrecisionWithMetadata() {
        EnrichmentEvaluation.Report r = EnrichmentEvaluation.evaluate(enricher, calls, true);
        assertThat(r.calls()).hasSize(16);
        assertThat(r.piiOverall().recall()).as("PII recall").isGreaterThanOrEqualTo(0.95);
        assertThat(r.piiOverall().precision()).as("PII precision").isGreaterThanOrEqualTo(0.9);
        for (PiiType type : PiiType.values()) {
            assertThat(r.pii().get(type).recall()).as("%s recall", type).isGreaterThanOrEqualTo(0.8);
        }
        assertThat(r.sentimentAccuracy()).as("customer sentiment accuracy").isGreaterThanOrEqualTo(0.8);
        assertThat(r.trendAccuracy()).as("sentiment trend accuracy").isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void piiRecallFromTheTextAlone() {
        EnrichmentEvaluation.Report r = EnrichmentEvaluation.evaluate(enricher, calls, false);
        assertThat(r.piiOverall().recall()).as("PII recall without metadata").isGreaterThanOrEqualTo(0.95);
        assertThat(r.piiOverall().precision()).as("PII precision without metadata").isGreaterThanOrEqualTo(0.9);
    }
}
