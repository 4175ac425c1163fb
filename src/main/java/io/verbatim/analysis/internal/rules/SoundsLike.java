package io.verbatim.analysis.internal.rules;

import io.verbatim.analysis.internal.text.Sentence;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A scripted phrase heard through a speech engine's mistakes: "thanks for calling" written as "thanks for coal and".
 * Each word becomes its Double Metaphone code; a run of the sentence's words (one fewer to one more than the phrase's)
 * matches when the edit distance between the two code strings is at most {@code tolerance} of the longer one. Only
 * phrases of two words or more whose code has five sounds or more are matched this way (one short word sounds like
 * too many others), and only where the run holds a word the engine itself was unsure of: a word it was sure of is
 * taken as said, so correct text never matches a phrase it merely resembles.
 */
final class SoundsLike {

    /** One sound in five; see docs/analysis-evaluation.md for how it was checked. */
    static final double TOLERANCE = Double.parseDouble(System.getProperty("verbatim.analysis.sounds-like", "0.2"));

    private static final DoubleMetaphone ENCODER = new DoubleMetaphone();
    private static final Map<String, String> CODES = new ConcurrentHashMap<>();
    private static final int MIN_SOUNDS = 5;

    static {
        ENCODER.setMaxCodeLen(12);
    }

    private SoundsLike() {
    }

    static boolean heard(Sentence s, String phrase, double tolerance, Set<String> unsure) {
        if (tolerance <= 0 || unsure.isEmpty()) {
            return false;
        }
        String[] target = phrase.strip().split("\\s+");
        if (target.length < 2) {
            return false;
        }
        String key = key(target, 0, target.length);
        if (key.length() < MIN_SOUNDS) {
            return false;
        }
        String[] words = s.words().strip().split(" ");
        for (int size = Math.max(1, target.length - 1); size <= target.length + 1; size++) {
            for (int from = 0; from + size <= words.length; from++) {
                if (!anyOf(words, from, from + size, unsure)) {
                    continue;
                }
                String heard = key(words, from, from + size);
                int allowed = (int) Math.floor(tolerance * Math.max(heard.length(), key.length()));
                if (Math.abs(heard.length() - key.length()) <= allowed && distance(heard, key, allowed) <= allowed) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyOf(String[] words, int from, int to, Set<String> unsure) {
        for (int i = from; i < to; i++) {
            if (unsure.contains(words[i])) {
                return true;
            }
        }
        return false;
    }

    static String key(String[] words, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(CODES.computeIfAbsent(words[i], w -> {
                String c = ENCODER.doubleMetaphone(w.replace("'", ""));
                return c == null ? "" : c;
            }));
        }
        return b.toString();
    }

    /** Levenshtein distance, or {@code limit + 1} once it is known to exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        int d = new LevenshteinDistance(limit).apply(a, b);
        return d < 0 ? limit + 1 : d;
    }
}
