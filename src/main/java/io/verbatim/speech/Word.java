package io.verbatim.speech;

import java.util.List;

/** One recognised word; times in seconds from the start of the conversation, confidence 0..1 (null when unknown). */
public record Word(String text, double start, double end, Double confidence) {

    /** The mean confidence of the words that have one; null when none has. */
    public static Double meanConfidence(List<Word> words) {
        double sum = 0;
        int n = 0;
        for (Word w : words) {
            if (w.confidence() != null) {
                sum += w.confidence();
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
