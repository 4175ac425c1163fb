package io.verbatim.enrichment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the enrichment ({@code verbatim.enrichment.*}; each settable by environment variable, e.g.
 * {@code VERBATIM_ENRICHMENT_SILENCE_THRESHOLD_SECONDS}).
 *
 * @param silenceThresholdSeconds the shortest gap reported as a silence (default 2.0 s: ordinary turn-taking
 *                                gaps stay under it, holds and look-ups go over)
 * @param keyPhrases              how many key phrases to keep (default 12)
 * @param languageMinCharacters   below this much text the detector is not trusted over the transcript's own
 *                                language (default 200)
 * @param redactionPaddingSeconds silence added before and after each PII span in redacted audio, to cover
 *                                word-timing error (default 0.15 s)
 */
@ConfigurationProperties("verbatim.enrichment")
public record EnrichmentProperties(Double silenceThresholdSeconds, Integer keyPhrases, Integer languageMinCharacters,
                                   Double redactionPaddingSeconds) {

    public EnrichmentProperties {
        silenceThresholdSeconds = silenceThresholdSeconds == null ? 2.0 : silenceThresholdSeconds;
        keyPhrases = keyPhrases == null ? 12 : keyPhrases;
        languageMinCharacters = languageMinCharacters == null ? 200 : languageMinCharacters;
        redactionPaddingSeconds = redactionPaddingSeconds == null ? 0.15 : redactionPaddingSeconds;
    }

    public static EnrichmentProperties defaults() {
        return new EnrichmentProperties(null, null, null, null);
    }
}
