package io.verbatim.speech.whisper;

import io.verbatim.speech.SpeechEngine;
import io.verbatim.speech.SpeechEngineContract;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.internal.EnergyVad;
import java.net.http.HttpClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * whisper.cpp against the contract. Needs a ggml model ({@code VERBATIM_WHISPER_MODEL=/path/ggml-base.en.bin});
 * none can be obtained on the build machines, so it is skipped there.
 */
@EnabledIfEnvironmentVariable(named = "VERBATIM_WHISPER_MODEL", matches = ".+")
class WhisperEngineContractTest extends SpeechEngineContract {

    private WhisperEngine engine;

    @BeforeAll
    void start() {
        engine = new WhisperEngine(new SpeechProperties.Whisper(Path.of(System.getenv("VERBATIM_WHISPER_MODEL")), null, null,
                "auto"), 2, new EnergyVad(), new ModelDownloader(HttpClient.newHttpClient()));
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @Override
    protected SpeechEngine engine() {
        return engine;
    }
}
