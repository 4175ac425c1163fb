package io.verbatim.adaptation;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Speech adaptation settings ({@code verbatim.speech.adaptation.*}).
 *
 * @param enabled       every tenant's recordings are decoded with its domain model (or the base model); off (the
 *                      default), only tenants that entered a vocabulary are, since without text of its own a tenant's
 *                      model costs about a point of WER on stereo and 1.6x the CPU (docs/speech.md); models are built
 *                      and shown either way
 * @param weight        the domain model's interpolation weight against the general English model (0..1); 0.1 was chosen
 *                      leave-one-out on the rendered calls (docs/speech.md; 0.5, the first default, cost WER)
 * @param baseModel     tenants without a model of their own decode with the shipped base conversation model
 * @param checkInterval how often the rebuild job looks for tenants whose text changed
 * @param cacheDir      where each node keeps the tenants' models as files for the decoder; empty = the system
 *                      temporary directory
 * @param letterToSound the espeak-ng program that gives pronunciations to words outside the recogniser's dictionary
 *                      (Debian {@code espeak-ng}); missing, such words stay {@code unpronounceable}
 */
@ConfigurationProperties("verbatim.speech.adaptation")
public record AdaptationProperties(@DefaultValue("false") boolean enabled,
                                   @DefaultValue("0.1") double weight,
                                   @DefaultValue("true") boolean baseModel,
                                   @DefaultValue("15s") Duration checkInterval,
                                   Path cacheDir,
                                   @DefaultValue("/usr/bin/espeak-ng") Path letterToSound) {

    public AdaptationProperties {
        if (!(weight > 0 && weight < 1)) {
            throw new IllegalArgumentException("verbatim.speech.adaptation.weight must be in (0, 1)");
        }
    }

    public Path effectiveCacheDir() {
        return cacheDir != null ? cacheDir : Path.of(System.getProperty("java.io.tmpdir"), "verbatim-speech-models");
    }
}
