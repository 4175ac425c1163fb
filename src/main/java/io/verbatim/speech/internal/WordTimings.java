package io.verbatim.speech.internal;

import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimated word times for engines that time segments only: the segment's duration is shared
 * among its words in proportion to their length (+1 for the gap), a fair guess for read-out
 * speech. Good enough to jump to a word in the player; confidence is unknown (null).
 */
public final class WordTimings {

    private WordTimings() {
    }

    public static List<Word> spread(String text, double start, double end) {
        String[] tokens = text.strip().split("\\s+");
        List<String> words = new ArrayList<>();
        for (String t : tokens) {
            if (!t.isBlank()) {
                words.add(t);
            }
        }
        int total = words.stream().mapToInt(w -> w.length() + 1).sum();
        List<Word> out = new ArrayList<>();
        double perChar = total == 0 ? 0 : (end - start) / total;
        double t = start;
        for (String w : words) {
            double next = Math.min(end, t + (w.length() + 1) * perChar);
            out.add(new Word(w, t, Math.max(t, next - perChar), null));
            t = next;
        }
        return out;
    }
}
