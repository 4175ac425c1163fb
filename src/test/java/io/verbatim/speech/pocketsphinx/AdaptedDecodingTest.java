package io.verbatim.speech.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.adaptation.lm.KneserNey;
import io.verbatim.adaptation.lm.NgramCounts;
import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.SpeechAdaptation;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.TestAudio;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Word;
import io.verbatim.speech.internal.EnergyVad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A domain model (our ARPA file) interpolated with the general one inside the native decoder, and
 * a word the dictionary lacks added with its phones: the company name comes out only with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdaptedDecodingTest {

    private PocketSphinxEngine engine;
    @TempDir
    Path dir;

    @BeforeAll
    void start() {
        engine = new PocketSphinxEngine(PocketSphinxEngineTest.DEBIAN, 1, new EnergyVad());
        Assumptions.assumeTrue(engine.availability().available(), engine.availability().reason());
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theCompanyNameIsRecognisedOnlyWithTheTenantsModelAndPronunciation() throws Exception {
        NgramCounts counts = new NgramCounts();
        // what the tenant has: another call's text and its vocabulary, never the call decoded below
        for (String s : List.of("Good afternoon, I'm Lisa Chen with ComfortPro. Thanks for having me out.",
                "Thanks for calling ComfortPro Heating and Air.", "ComfortPro Heating and Air", "Tyler Nguyen",
                "What can I do for you?", "How can I help you today?")) {
            counts.addText(s);
        }
        Path arpa = dir.resolve("tenant.arpa");
        KneserNey.estimate(counts).writeArpa(arpa);
        SpeechAdaptation adaptation = new SpeechAdaptation("tenant-a:1", arpa, 0.5,
                Map.of("comfortpro", "K AH M F ER T P R OW"));
        DecodedAudio audio = TestAudio.wav(TestAudio.testdata().resolve("calls/csr_002.stereo.wav"), 6);

        String general = words(engine.transcribe(audio, SpeechRequest.language("en-US")));
        String adapted = words(engine.transcribe(audio, SpeechRequest.language("en-US").withAdaptation(adaptation)));
        String generalAgain = words(engine.transcribe(audio, SpeechRequest.language("en-US")));

        // another tenant's new word grows the dictionary: every search is made again over it, none reads past its tables
        Path other = dir.resolve("other.arpa");
        NgramCounts otherCounts = new NgramCounts();
        otherCounts.addText("Thanks for calling BrightPath Solar");
        KneserNey.estimate(otherCounts).writeArpa(other);
        SpeechAdaptation otherTenant = new SpeechAdaptation("tenant-b:1", other, 0.5, Map.of("brightpath", "B R AY T P AE TH"));
        String b = words(engine.transcribe(audio, SpeechRequest.language("en-US").withAdaptation(otherTenant)));
        String adaptedAgain = words(engine.transcribe(audio, SpeechRequest.language("en-US").withAdaptation(adaptation)));
        String generalLast = words(engine.transcribe(audio, SpeechRequest.language("en-US")));

        assertThat(general).doesNotContain("comfortpro");
        assertThat(adapted).contains("thanks for calling comfortpro").contains("tyler");
        assertThat(generalAgain).isEqualTo(general); // switching back restores the general search
        assertThat(b).doesNotContain("comfortpro");
        assertThat(adaptedAgain).isEqualTo(adapted);
        assertThat(generalLast).isEqualTo(general);
        assertThat(Files.size(arpa)).isPositive();
    }

    private static String words(Transcript t) {
        return String.join(" ", t.turns().stream().flatMap(turn -> turn.words().stream()).map(Word::text).toList());
    }
}
