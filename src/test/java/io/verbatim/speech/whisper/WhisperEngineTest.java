package io.verbatim.speech.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.speech.SpeechEngineException;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.TestAudio;
import io.verbatim.speech.UnsupportedLanguageException;
import io.verbatim.speech.internal.EnergyVad;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked without a real ggml model (none is obtainable on the build machines):
 * availability and its reasons, language checks, and a clean error for a file that is not a model.
 * Recognition itself is covered by {@link WhisperEngineContractTest} where a model exists.
 */
class WhisperEngineTest {

    @TempDir
    Path dir;

    private static WhisperEngine engine(Path model, URI url, String sha) {
        return new WhisperEngine(new SpeechProperties.Whisper(model, url, sha, "auto"), 1, new EnergyVad(),
                new ModelDownloader(HttpClient.newHttpClient()));
    }

    @Test
    void unavailableWithoutAModelSaysWhichSettingToUse() {
        var e = engine(null, null, null);
        assertThat(e.availability().available()).isFalse();
        assertThat(e.availability().reason()).contains("verbatim.speech.whisper.model-path");
        assertThatThrownBy(() -> e.transcribe(TestAudio.silence(1, 1), SpeechRequest.defaults()))
                .isInstanceOf(SpeechEngineException.class).hasMessageContaining("model-path");
    }

    @Test
    void unavailableWhenTheFileIsMissingAndNotDownloadable() {
        var e = engine(dir.resolve("ggml-base.en.bin"), null, null);
        assertThat(e.availability().available()).isFalse();
        assertThat(e.availability().reason()).contains("ggml-base.en.bin").contains("download-url");
    }

    @Test
    void availableWhenDownloadableOrPresent() throws Exception {
        var downloadable = engine(dir.resolve("ggml-base.en.bin"), URI.create("http://127.0.0.1:9/ggml-base.en.bin"), "ab");
        assertThat(downloadable.availability().available()).as(downloadable.availability().reason()).isTrue();
        assertThat(downloadable.availability().reason()).contains("on first use");

        Path file = Files.writeString(dir.resolve("ggml-tiny.bin"), "not a model");
        try (var present = engine(file, null, null)) {
            assertThat(present.availability().available()).as(present.availability().reason()).isTrue();
            // the native library loaded; a file that is not a ggml model fails cleanly, not by crashing the JVM
            assertThatThrownBy(() -> present.transcribe(TestAudio.wav("speech/jfk.wav"), SpeechRequest.defaults()))
                    .isInstanceOf(SpeechEngineException.class).hasMessageContaining("ggml-tiny.bin");
        }
    }

    @Test
    void languagesOutsideWhispersListAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("ggml-tiny.bin"), "not a model");
        try (var e = engine(file, null, null)) {
            assertThatThrownBy(() -> e.transcribe(TestAudio.silence(1, 1), SpeechRequest.language("tlh")))
                    .isInstanceOf(UnsupportedLanguageException.class).hasMessageContaining("whisper");
        }
    }
}
