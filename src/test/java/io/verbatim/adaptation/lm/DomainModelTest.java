package io.verbatim.adaptation.lm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base conversation text teaches the model only words the recogniser knows; a tenant's own text keeps its names. */
class DomainModelTest {

    private static final Path CMUDICT = Path.of("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict");

    @Test
    void aBaseSentenceIsCutAtEachWordTheDictionaryDoesNotKnow() {
        Pronunciations dictionary = Pronunciations.of(Map.of("thanks", "TH AE NG K S", "my", "M AY", "email", "IY M EY L", "is", "IH Z"));
        NgramCounts counts = new NgramCounts();
        DomainModel.addKnownRuns(counts, List.of("my", "email", "is", "rajgmailcom", "thanks"), dictionary);
        assertThat(counts.sentences()).isEqualTo(2); // "my email is" and "thanks"
        assertThat(counts.tokens()).isEqualTo(6); // four words and the two sentence ends
        DomainModel.addKnownRuns(counts, List.of("nothingthank"), dictionary);
        assertThat(counts.sentences()).isEqualTo(2); // nothing left of it
    }

    @Test
    void theBaseModelAsksForNoPronunciationsWhileATenantsNamesGetTheirs(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.exists(CMUDICT), "pocketsphinx-en-us missing (scripts/prerequisites.sh)");
        Pronunciations cmu = Pronunciations.load(CMUDICT);
        DomainModel.Built base = DomainModel.build(List.of(), List.of(), cmu, dir.resolve("base.arpa"));
        assertThat(base.pronunciations()).isEmpty();
        assertThat(base.unpronounceable()).isEmpty();
        DomainModel.Built tenant = DomainModel.build(List.of("thanks for calling comfortpro"), List.of(), cmu, dir.resolve("t.arpa"));
        assertThat(tenant.pronunciations()).containsKey("comfortpro"); // a compound of words the dictionary knows
    }
}
