package io.verbatim.adaptation;

import io.verbatim.tenancy.TenantId;
import java.util.List;

/** A tenant's speech vocabulary as other modules set it (the demo); people edit it through the API and Settings. */
public interface SpeechVocabulary {

    /** A word or phrase to expect, with optional "sounds like" spellings in ordinary words. */
    record Phrase(String text, List<String> soundsLike) {
        public Phrase {
            soundsLike = soundsLike == null ? List.of() : List.copyOf(soundsLike);
        }
    }

    /**
     * Gives the tenant this vocabulary when it has none and builds its language model at once, so recordings taken in
     * next are decoded with it; false (nothing changed) when the tenant already has a vocabulary of its own.
     */
    boolean seed(TenantId tenant, List<Phrase> phrases);
}
