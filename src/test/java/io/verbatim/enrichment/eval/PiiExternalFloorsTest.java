package io.verbatim.enrichment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.enrichment.eval.EnrichmentEvaluation.Counts;
import io.verbatim.support.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Floors of the PII detector on public data written by others (text only, no metadata names), a little under
 * the figures of {@link PiiEvaluation} on all conversations, so that a change that loses what generalises fails.
 */
class PiiExternalFloorsTest {

    private static PiiEvaluation.Result run(String set) {
        Path folder = TestData.root().resolve("external").resolve(set);
        return PiiEvaluation.evaluate(folder, false, line -> { });
    }

    @Test
    void presidioWrittenText() {
        Counts all = PiiEvaluation.overall(run("presidio_synth").all());
        assertThat(all.recall()).as("recall").isGreaterThanOrEqualTo(0.78);
        assertThat(all.precision()).as("precision").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void multidogoTypedChats() {
        Counts all = PiiEvaluation.overall(run("multidogo_pii").all());
        assertThat(all.recall()).as("recall").isGreaterThanOrEqualTo(0.78);
        assertThat(all.precision()).as("precision").isGreaterThanOrEqualTo(0.82);
    }

    @Test
    void harperValleyCallerNamesInLowerCaseSpeech() {
        for (String set : new String[] {"harper_valley", "harper_valley_asr"}) {
            PiiEvaluation.Result r = run(set);
            assertThat(r.caller()[2][0] / (double) r.caller()[2][1]).as("%s caller names covered", set).isGreaterThanOrEqualTo(0.95);
            assertThat(PiiEvaluation.overall(r.all()).precision()).as("%s NAME precision", set).isGreaterThanOrEqualTo(0.8);
        }
    }
}
