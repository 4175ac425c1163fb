package io.verbatim.enrichment;

/**
 * The conversation's language.
 *
 * @param code       two-letter ISO 639-1 code ("en", "es"), the base of a BCP-47 tag
 * @param tag        the transcript's own BCP-47 tag when it agrees with {@code code} ("es-419"), else {@code code}
 * @param confidence the detector's probability for {@code code} (0..1); 1 when taken from the transcript unchecked
 * @param method     {@code detected} (text model), {@code transcript} (the transcript's language, too little
 *                   text to check it), or {@code detected-overrides-transcript}
 * @param characters how much customer and agent text the detector read
 */
public record DetectedLanguage(String code, String tag, double confidence, String method, int characters) {
}
