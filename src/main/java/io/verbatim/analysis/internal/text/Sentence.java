package io.verbatim.analysis.internal.text;

import io.verbatim.analysis.Evidence;
import io.verbatim.speech.Speaker;

/**
 * A sentence of a turn.
 *
 * @param index    position among all sentences of the conversation
 * @param turn     the turn's index in the transcript
 * @param ordinal  position of the sentence within its turn
 * @param start    estimated start (word timings when present, else proportional to the character offset)
 * @param text     verbatim
 * @param folded   {@link Normalizer#fold} of the text with its restored end mark
 * @param words    {@link Normalizer#words}
 * @param restoredEnd "" as written; "." or "?" when the turn came without punctuation and {@link SentenceEnds} found
 *                    where this sentence ends and whether it asks
 */
public record Sentence(int index, int turn, int ordinal, Speaker speaker, double start, String text, String folded,
                       String words, String restoredEnd) {

    /** Ends with a question mark, written or restored. */
    public boolean questionMark() {
        return restoredEnd.equals("?") || text.strip().endsWith("?");
    }

    /**
     * The text with its restored end mark, for the sentence model: it was trained on written sentences, and "do you
     * know how old the door is" means a question to it only with the mark. Never shown as a quote.
     */
    public String punctuated() {
        return text + restoredEnd;
    }

    public Evidence evidence() {
        return new Evidence(turn, Math.round(start * 10) / 10.0, text);
    }

    public boolean has(String phrase) {
        return Normalizer.containsPhrase(words, phrase);
    }

    public boolean hasAny(Iterable<String> phrases) {
        for (String p : phrases) {
            if (has(p)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasAny(String... phrases) {
        for (String p : phrases) {
            if (has(p)) {
                return true;
            }
        }
        return false;
    }

    public int wordCount() {
        return Normalizer.wordCount(words);
    }
}
