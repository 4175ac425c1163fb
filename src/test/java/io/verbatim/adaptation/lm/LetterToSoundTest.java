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

/** espeak-ng's IPA mapped to the PocketSphinx phone set, and the letter-to-sound step inside a model build. */
class LetterToSoundTest {

    private static final Path ESPEAK = Path.of("/usr/bin/espeak-ng");
    private static final Path CMUDICT = Path.of("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict");

    @Test
    void ipaMapsToArpabetLongestSymbolFirst() {
        // espeak-ng 1.51 -v en-us output for these names
        assertThat(IpaToArpabet.map("pɹˈɪjə")).contains("P R IH Y AH");
        assertThat(IpaToArpabet.map("ˈɛksfˈɪnᵻɾi")).contains("EH K S F IH N IH T IY");
        assertThat(IpaToArpabet.map("kˈʌmfɚtpɹˌoʊ")).contains("K AH M F ER T P R OW");
        assertThat(IpaToArpabet.map("tˈaɪlɚ")).contains("T AY L ER");
        assertThat(IpaToArpabet.map("ˈeɪtʃvˈæk")).contains("EY CH V AE K");
        assertThat(IpaToArpabet.map("dʒˌeɪˌɛfkˈeɪ")).contains("JH EY EH F K EY");
        assertThat(IpaToArpabet.map("nˈuːjɛn")).contains("N UW Y EH N");
        assertThat(IpaToArpabet.map("kwˈɪlfɛðɚ")).contains("K W IH L F EH DH ER");
        assertThat(IpaToArpabet.map("bˈʌʔn̩")).contains("B AH T AH N");
        assertThat(IpaToArpabet.map("ʃˈɔːɹ θˈɪŋ ʒ")).contains("SH AO R TH IH NG ZH");
        // every phone it can produce is one the acoustic model has
        assertThat(IpaToArpabet.map("aɪaʊeɪoʊɔɪɑæʌəɔɛɪiʊuɚpbtdkɡfvθðszʃʒhmnŋlɹjw").orElseThrow().split(" "))
                .allSatisfy(p -> assertThat(IpaToArpabet.PHONES).contains(p));
    }

    @Test
    void aSymbolOutsideTheTableLeavesTheWordUnmapped() {
        assertThat(IpaToArpabet.map("kʏx")).isEmpty(); // ʏ: not an English sound, so no guess
        assertThat(IpaToArpabet.map("ˈ ")).isEmpty();
    }

    @Test
    void withoutTheProgramNothingIsPronouncedAndTheStatusSaysWhy() {
        LetterToSound none = EspeakNg.find(Path.of("/nonexistent/espeak-ng"));
        assertThat(none.pronounce(List.of("priya"))).isEmpty();
        assertThat(none.describe()).startsWith("unavailable").contains("not installed");
    }

    @Test
    void espeakNgPronouncesNamesOutsideTheDictionary() {
        Assumptions.assumeTrue(Files.isExecutable(ESPEAK), "espeak-ng not installed (scripts/prerequisites.sh)");
        LetterToSound espeak = EspeakNg.find(ESPEAK);
        assertThat(espeak.describe()).startsWith("espeak-ng 1.");
        Map<String, String> phones = espeak.pronounce(List.of("priya", "xfinity", "comfortpro", "tyesha", "Bad Input", "o'neill"));
        assertThat(phones.get("priya")).isEqualTo("P R IH Y AH");
        assertThat(phones.get("xfinity")).isEqualTo("EH K S F IH N IH T IY");
        assertThat(phones.get("comfortpro")).isEqualTo("K AH M F ER T P R OW");
        assertThat(phones).containsKey("tyesha").containsKey("o'neill").doesNotContainKey("Bad Input");
    }

    @Test
    void aModelBuildTriesCompoundsFirstThenLetterToSound(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(ESPEAK) && Files.exists(CMUDICT), "espeak-ng or pocketsphinx-en-us missing");
        Pronunciations cmu = Pronunciations.load(CMUDICT);
        List<DomainModel.Phrase> vocabulary = List.of(new DomainModel.Phrase("ComfortPro", List.of()),
                new DomainModel.Phrase("Priya", List.of()), new DomainModel.Phrase("Xfinity", List.of()));
        List<String> text = List.of("thanks for calling comfortpro this is priya", "is your xfinity bill due");

        DomainModel.Built without = DomainModel.build(text, vocabulary, cmu, dir.resolve("a.arpa"));
        assertThat(without.unpronounceable()).contains("priya", "xfinity");
        assertThat(without.letterToSound()).isEqualTo("none");

        DomainModel.Built with = DomainModel.build(text, vocabulary, cmu.withLetterToSound(EspeakNg.find(ESPEAK)),
                dir.resolve("b.arpa"));
        assertThat(with.unpronounceable()).doesNotContain("priya", "xfinity");
        assertThat(with.pronunciations()).containsEntry("priya", "P R IH Y AH")
                .containsEntry("xfinity", "EH K S F IH N IH T IY")
                // the compound split of dictionary words still comes first (espeak says the same here)
                .containsEntry("comfortpro", "K AH M F ER T P R OW");
        assertThat(with.letterToSound()).startsWith("espeak-ng");
    }
}
