package io.verbatim.speech.pocketsphinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.speech.SpeechEngine;
import io.verbatim.speech.SpeechEngineContract;
import io.verbatim.speech.SpeechEngineException;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.TestAudio;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import io.verbatim.speech.internal.EnergyVad;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine against the contract, with the Debian model. Skipped (with the reason) where
 * the packages libpocketsphinx3 libsphinxbase3 pocketsphinx-en-us are not installed.
 */
class PocketSphinxEngineTest extends SpeechEngineContract {

    static final SpeechProperties.Pocketsphinx DEBIAN = new SpeechProperties.Pocketsphinx("libpocketsphinx.so.3",
            "libsphinxbase.so.3", Path.of("/usr/share/pocketsphinx/model/en-us/en-us"),
            Path.of("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"),
            Path.of("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"), "en", "");

    private PocketSphinxEngine engine;

    @BeforeAll
    void start() {
        engine = new PocketSphinxEngine(DEBIAN, 2, new EnergyVad());
        Assumptions.assumeTrue(engine.availability().available(), engine.availability().reason());
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    protected SpeechEngine engine() {
        return engine;
    }

    @Test
    void wordsHavePosteriorConfidenceAndNoFillers() {
        Transcript t = engine.transcribe(TestAudio.wav("speech/librivox/lv_0880.wav"), SpeechRequest.defaults());
        assertThat(t.turns()).isNotEmpty();
        for (Turn turn : t.turns()) {
            assertThat(turn.confidence()).isNotNull();
            for (Word w : turn.words()) {
                assertThat(w.confidence()).isNotNull().isBetween(0.0, 1.0);
                assertThat(w.text()).doesNotStartWith("<").doesNotStartWith("[").doesNotEndWith(")");
            }
        }
        // "he was not an ill disposed young man": pocketsphinx gets most of this clean read speech right
        assertThat(String.join(" ", t.turns().stream().map(Turn::text).toList())).contains("young man");
    }

    @Test
    void missingModelIsReportedWithTheSettingToFixIt() {
        var broken = new SpeechProperties.Pocketsphinx("libpocketsphinx.so.3", "libsphinxbase.so.3",
                Path.of("/nonexistent/en-us"), DEBIAN.languageModel(), DEBIAN.dictionary(), "en", "");
        try (var e = new PocketSphinxEngine(broken, 1, new EnergyVad())) {
            assertThat(e.availability().available()).isFalse();
            assertThat(e.availability().reason()).contains("/nonexistent/en-us").contains("pocketsphinx-en-us");
        }
    }

    @Test
    void decoderOptionsAreCheckedAndNamedWhenWrong() {
        var odd = new SpeechProperties.Pocketsphinx(DEBIAN.library(), DEBIAN.baseLibrary(), DEBIAN.hmm(), DEBIAN.languageModel(),
                DEBIAN.dictionary(), "en", "-lw 8 -wip");
        try (var e = new PocketSphinxEngine(odd, 1, new EnergyVad())) {
            assertThat(e.availability().available()).isFalse();
            assertThat(e.availability().reason()).contains("verbatim.speech.pocketsphinx.decoder-options").contains("-wip");
        }
        var unknown = new SpeechProperties.Pocketsphinx(DEBIAN.library(), DEBIAN.baseLibrary(), DEBIAN.hmm(), DEBIAN.languageModel(),
                DEBIAN.dictionary(), "en", "-no_such_setting 1");
        try (var e = new PocketSphinxEngine(unknown, 1, new EnergyVad())) {
            org.junit.jupiter.api.Assumptions.assumeTrue(e.availability().available(), e.availability().reason());
            assertThatThrownBy(() -> e.transcribe(TestAudio.wav("speech/jfk.wav"), SpeechRequest.language("en-US")))
                    .isInstanceOf(SpeechEngineException.class).hasMessageContaining("-no_such_setting 1");
        }
        var tuned = new SpeechProperties.Pocketsphinx(DEBIAN.library(), DEBIAN.baseLibrary(), DEBIAN.hmm(), DEBIAN.languageModel(),
                DEBIAN.dictionary(), "en", "-lw 6.5 -wip 0.65");
        try (var e = new PocketSphinxEngine(tuned, 1, new EnergyVad())) {
            org.junit.jupiter.api.Assumptions.assumeTrue(e.availability().available(), e.availability().reason());
            // the model's own defaults given explicitly: the same words as without them
            assertThat(String.join(" ", e.transcribe(TestAudio.wav("speech/jfk.wav"), SpeechRequest.language("en-US")).turns()
                    .stream().map(Turn::text).toList())).contains("country");
        }
    }

    @Test
    void missingLibraryIsReportedWithThePackageToInstall() {
        var broken = new SpeechProperties.Pocketsphinx("libpocketsphinx-missing.so.9", "libsphinxbase.so.3",
                DEBIAN.hmm(), DEBIAN.languageModel(), DEBIAN.dictionary(), "en", "");
        try (var e = new PocketSphinxEngine(broken, 1, new EnergyVad())) {
            assertThat(e.availability().available()).isFalse();
            assertThat(e.availability().reason()).contains("libpocketsphinx3");
        }
    }

    @Test
    void telephoneAudioAt8kHzIsResampled() {
        // first 12 s of the mu-law telephone rendering of va_008
        var audio = TestAudio.wav(TestAudio.testdata().resolve("calls/va_008.8k_ulaw.wav"), 12);
        assertThat(audio.sampleRate()).isEqualTo(8000);
        Transcript t = engine.transcribe(audio, SpeechRequest.defaults());
        assertThat(t.fullText()).contains("anthony");
        SpeechEngineContract.assertSaneTimes(t);
    }
}
