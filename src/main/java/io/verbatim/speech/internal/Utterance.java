package io.verbatim.speech.internal;

import io.verbatim.speech.Word;
import java.util.List;

/**
 * What an engine recognised in one stretch of one channel, in conversation time.
 *
 * @param channel    the audio channel (0 for mono)
 * @param start      seconds
 * @param end        seconds
 * @param text       the engine's text (keeps its punctuation and casing when it has any)
 * @param words      word timings, possibly empty
 * @param confidence 0..1, null when unknown
 */
public record Utterance(int channel, double start, double end, String text, List<Word> words, Double confidence) {

    public Utterance {
        words = words == null ? List.of() : List.copyOf(words);
        text = text == null ? "" : text.strip();
    }

    /** An utterance made of words only: text, bounds and confidence come from them. */
    public static Utterance ofWords(int channel, List<Word> words) {
        String text = String.join(" ", words.stream().map(Word::text).toList());
        double start = words.isEmpty() ? 0 : words.getFirst().start();
        double end = words.isEmpty() ? 0 : words.getLast().end();
        return new Utterance(channel, start, end, text, words, Word.meanConfidence(words));
    }

    public boolean isEmpty() {
        return text.isBlank() && words.isEmpty();
    }

}
