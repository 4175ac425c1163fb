package io.verbatim.enrichment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.enrichment.PiiType;
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
        PiiEvaluation.Result r = run("presidio_synth");
        Counts all = PiiEvaluation.overall(r.all());
        // session 19: 0.91 -> 0.93 (who speaks or is spoken to)
        assertThat(all.recall()).as("recall").isGreaterThanOrEqualTo(0.91);
        assertThat(all.precision()).as("precision").isGreaterThanOrEqualTo(0.92);
        // names no list holds (issue 19): 0.74 before the proper-name shapes, 0.88 after, 0.90 with the speech verbs
        assertThat(r.all().get(PiiType.NAME).recall()).as("NAME recall").isGreaterThanOrEqualTo(0.89);
        // session 12: 0.91 -> 0.92 (no listed name after an article)
        assertThat(r.all().get(PiiType.NAME).precision()).as("NAME precision").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void multidogoTypedChats() {
        PiiEvaluation.Result r = run("multidogo_pii");
        Counts all = PiiEvaluation.overall(r.all());
        assertThat(all.recall()).as("recall").isGreaterThanOrEqualTo(0.88);
        assertThat(all.precision()).as("precision").isGreaterThanOrEqualTo(0.90);
        // the SSN's last four and the card or account after it, without the agent's question: 0.68 and 0.79 before
        assertThat(r.all().get(PiiType.NATIONAL_ID).recall()).as("NATIONAL_ID recall").isGreaterThanOrEqualTo(0.82);
        assertThat(r.all().get(PiiType.ACCOUNT_NUMBER).recall()).as("ACCOUNT_NUMBER recall").isGreaterThanOrEqualTo(0.83);
        assertThat(r.all().get(PiiType.NAME).precision()).as("NAME precision").isGreaterThanOrEqualTo(0.88);
        // session 11: bare chat addresses (0.74 before), phone-length numbers (0.91 before), sixteen-digit cards (0.68 before)
        assertThat(r.all().get(PiiType.ADDRESS).recall()).as("ADDRESS recall").isGreaterThanOrEqualTo(0.88);
        assertThat(r.all().get(PiiType.PHONE).recall()).as("PHONE recall").isGreaterThanOrEqualTo(0.95);
        assertThat(r.all().get(PiiType.CARD_NUMBER).recall()).as("CARD_NUMBER recall").isGreaterThanOrEqualTo(0.72);
    }

    @Test
    void harperValleyCallerNamesInLowerCaseSpeech() {
        // caller names covered: 1.00 on both transcripts (session 10, tuned and held-out); the one-to-one NAME recall
        // (0.68) is lower only because the set labels first and last name apart (docs/pii-evaluation.md)
        for (String set : new String[] {"harper_valley", "harper_valley_asr"}) {
            PiiEvaluation.Result r = run(set);
            assertThat(r.caller()[2][0] / (double) r.caller()[2][1]).as("%s caller names covered", set).isGreaterThanOrEqualTo(0.97);
            assertThat(PiiEvaluation.overall(r.all()).precision()).as("%s NAME precision", set).isGreaterThanOrEqualTo(0.8);
            // Presidio-research's per-token count (1.00 on both in session 12), beside the one-to-one figure (0.68)
            assertThat(r.tokens().get(2).get(PiiType.NAME).recall()).as("%s NAME token recall", set).isGreaterThanOrEqualTo(0.97);
        }
    }
}
