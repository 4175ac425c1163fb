package io.verbatim.speech.internal;

import io.verbatim.speech.SpeechEngines;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.pocketsphinx.PocketSphinxEngine;
import io.verbatim.speech.remote.OpenAiTranscriptionEngine;
import io.verbatim.speech.whisper.ModelDownloader;
import io.verbatim.speech.whisper.WhisperEngine;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates every engine (each reports whether it can run here; none touches native code or the
 * network until used) and the {@link SpeechEngines} that picks one. Other modules depend on
 * {@link SpeechEngines} only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpeechProperties.class)
class SpeechConfiguration {

    @Bean
    EnergyVad speechVoiceActivityDetector() {
        return new EnergyVad();
    }

    /** Not a bean: other modules' HttpClients stay unambiguous. Redirects: model hosts hand off to CDNs. */
    private static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Bean
    PocketSphinxEngine pocketSphinxEngine(SpeechProperties properties, EnergyVad vad) {
        return new PocketSphinxEngine(properties.pocketsphinx(), properties.effectiveConcurrency(), vad);
    }

    @Bean
    WhisperEngine whisperEngine(SpeechProperties properties, EnergyVad vad) {
        return new WhisperEngine(properties.whisper(), properties.effectiveConcurrency(), vad, new ModelDownloader(http()));
    }

    @Bean
    OpenAiTranscriptionEngine remoteSpeechEngine(SpeechProperties properties, EnergyVad vad) {
        return new OpenAiTranscriptionEngine(properties.remote(), properties.effectiveConcurrency(), vad, http());
    }

    /** Preference order for {@code auto}: configured quality engines first, the embedded default last. */
    @Bean
    SpeechEngines speechEngines(SpeechProperties properties, WhisperEngine whisper, OpenAiTranscriptionEngine remote,
                                PocketSphinxEngine pocketsphinx) {
        return new SpeechEngines(List.of(whisper, remote, pocketsphinx), properties.engine());
    }
}
