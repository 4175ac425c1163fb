package io.verbatim.adaptation.lm;

import java.util.Collection;
import java.util.Map;

/** An offline grapheme-to-phoneme step: phones in the recogniser's set for words its dictionary lacks. */
public interface LetterToSound {

    /** The words it could pronounce, each with its phones ("priya" → "P R IH Y AH"); others are left out. */
    Map<String, String> pronounce(Collection<String> words);

    /** What it is, for the model's status ("espeak-ng 1.51", or why there is none). */
    String describe();

    /** No letter-to-sound step: every word outside the dictionary stays unpronounceable. */
    LetterToSound NONE = new LetterToSound() {
        @Override
        public Map<String, String> pronounce(Collection<String> words) {
            return Map.of();
        }

        @Override
        public String describe() {
            return "none";
        }
    };
}
