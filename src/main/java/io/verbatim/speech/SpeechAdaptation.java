package io.verbatim.speech;

import java.nio.file.Path;
import java.util.Map;

/**
 * What makes a general engine better for one business: a domain language model to interpolate with
 * the engine's own, and pronunciations of words its dictionary lacks. Engines without language models
 * of their own (whisper, remote) ignore it.
 *
 * @param key            identifies this version of the adaptation (tenant and build); engines cache by it
 * @param languageModel  an ARPA trigram model of the business's language
 * @param weight         the domain model's interpolation weight, 0..1 (the general model gets the rest)
 * @param pronunciations word to phones in the engine's phone set (CMU: "K AH M F ER T P R OW"), for words outside
 *                       its dictionary
 */
public record SpeechAdaptation(String key, Path languageModel, double weight, Map<String, String> pronunciations) {

    public SpeechAdaptation {
        if (key == null || key.isBlank() || key.length() > 120) {
            throw new IllegalArgumentException("adaptation key must be 1-120 characters");
        }
        if (!(weight > 0 && weight < 1)) {
            throw new IllegalArgumentException("interpolation weight must be in (0, 1): " + weight);
        }
        pronunciations = pronunciations == null ? Map.of() : Map.copyOf(pronunciations);
    }
}
