package io.verbatim.analysis.internal.rules;

import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.analysis.internal.text.Sentence;
import java.util.Set;

/**
 * Whether a sentence is a question: a question mark (or an opening Spanish one) and, in English, an
 * interrogative opening, possibly after discourse words ("so, what's the address?") or after a comma
 * ("the address, is that still right?"); a statement said with rising intonation and a "?" is not a
 * question an agent asked.
 */
final class Questions {

    private static final Set<String> DISCOURSE = Set.of("so", "and", "okay", "ok", "now", "first", "alright", "um",
            "uh", "well", "but", "also", "great", "perfect", "then", "right", "yeah", "sure", "oh", "hmm", "gotcha",
            "sorry", "just", "hey");
    private static final Set<String> INTERROGATIVE = Set.of("what", "what's", "whats", "how", "how's", "why", "when",
            "where", "which", "who", "who's", "whose", "is", "are", "was", "were", "do", "does", "did", "have", "has",
            "had", "can", "could", "would", "will", "should", "shall", "may", "might", "any", "anything", "am",
            "isn't", "aren't", "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "haven't",
            "hasn't", "want", "wanna", "need");

    private Questions() {
    }

    static boolean isQuestion(Sentence s) {
        String t = s.text().strip();
        if (s.text().indexOf('\u00bf') >= 0) {
            return true;
        }
        if (!s.questionMark()) {
            return false;
        }
        if (!looksEnglish(s)) {
            return true;
        }
        if (startsInterrogative(s.words())) {
            return true;
        }
        int comma = t.lastIndexOf(',');
        return comma > 0 && startsInterrogative(Normalizer.words(t.substring(comma + 1)));
    }

    private static boolean startsInterrogative(String words) {
        for (String w : words.strip().split(" ")) {
            if (INTERROGATIVE.contains(w)) {
                return true;
            }
            if (!DISCOURSE.contains(w)) {
                return false;
            }
        }
        return false;
    }

    private static boolean looksEnglish(Sentence s) {
        return !(s.folded().contains(" usted") || s.folded().contains(" que ") || s.folded().startsWith("que "));
    }
}
