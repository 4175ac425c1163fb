package io.verbatim.adaptation.internal;

import io.verbatim.adaptation.AdaptationProperties;
import io.verbatim.adaptation.lm.EspeakNg;
import io.verbatim.adaptation.lm.Pronunciations;
import io.verbatim.pipeline.RecurringJob;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.tenancy.Tenants;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rebuild job (durable: the state is in speech_language_models, and the job engine runs it on one node at a
 * time) and the dictionary pronunciations are guessed against (the engine's own, read on first use).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdaptationProperties.class)
class AdaptationConfiguration {

    @Bean
    Supplier<Pronunciations> speechDictionary(SpeechProperties speech, AdaptationProperties properties) {
        return new Supplier<>() {
            private volatile Pronunciations loaded;

            @Override
            public Pronunciations get() {
                if (loaded == null) {
                    synchronized (this) {
                        if (loaded == null) {
                            var path = speech.pocketsphinx().dictionary();
                            // without the engine's dictionary every word is "unknown" and only compounds get phones
                            loaded = (Files.exists(path) ? Pronunciations.load(path) : Pronunciations.of(Map.of()))
                                    .withLetterToSound(EspeakNg.find(properties.letterToSound()));
                        }
                    }
                }
                return loaded;
            }
        };
    }

    @Bean
    RecurringJob speechLanguageModelRebuild(Tenants tenants, LanguageModelBuilder builder, AdaptationProperties properties,
                                            TenantSpeechAdaptations adaptations) {
        return new RecurringJob("speech-language-model-rebuild", properties.checkInterval(),
                // While decoding with the models is off, a tenant without a vocabulary is rebuilt only on a person's
                // request (rebuild button): rebuilding on every import would spend CPU on a model nobody decodes with.
                () -> tenants.forEachActive(tenant -> {
                    if (properties.enabled() || builder.requested() || adaptations.adapts(tenant.id().value())) {
                        builder.buildIfNeeded();
                    }
                }));
    }
}
