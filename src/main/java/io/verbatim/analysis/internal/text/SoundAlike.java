package io.verbatim.analysis.internal.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Sound-alike matching of an expected phrase in recognised speech, where a speech engine writes what
 * it heard as other words ("thanks for coal and" for "thanks for calling"). Both sides are turned
 * into Double Metaphone keys, word by word and joined (so split and merged words line up), and the
 * phrase matches when some stretch of the sentence's keys is within a small edit distance of the
 * phrase's keys (approximate substring matching). Short phrases must sound exactly alike, word for
 * word: a key of a few letters is shared by too many words.
 */
public final class SoundAlike {

    /** Keys this short must match exactly. */
    static final int MIN_FUZZY_KEY = 5;
    /** Share of the phrase's key letters that may differ (edits) for a match. */
    static final double MAX_EDIT_SHARE = 0.2;

    private static final int MAX_CACHED_WORDS = 50_000;
    private static final DoubleMetaphone METAPHONE = metaphone();
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private SoundAlike() {
    }

    private static DoubleMetaphone metaphone() {
        DoubleMetaphone m = new DoubleMetaphone();
        m.setMaxCodeLen(12); // the default 4 would cut "comfortpro" to KMFR
        return m;
    }

    /** The joined keys of normalised words ({@link Normalizer#words}); blank words are skipped. */
    public static String key(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.strip().split(" ")) {
            if (!word.isEmpty()) {
                out.append(wordKey(word));
            }
        }
        return out.toString();
    }

    private static String wordKey(String word) {
        String k = KEYS.get(word);
        if (k == null) {
            String computed = METAPHONE.doubleMetaphone(word);
            k = computed == null ? "" : computed;
            if (KEYS.size() > MAX_CACHED_WORDS) {
                KEYS.clear(); // a bounded memo of the vocabulary, not a store
            }
            KEYS.put(word, k);
        }
        return k;
    }

    /**
     * Whether the phrase sounds like part of the sentence (both normalised with {@link Normalizer#words}).
     * Word keys are memoised, so a sentence costs its alignment.
     */
    public static boolean contains(String sentenceWords, String phraseWords) {
        String p = key(phraseWords);
        if (p.isEmpty()) {
            return false;
        }
        String s = key(sentenceWords);
        if (p.length() < MIN_FUZZY_KEY) {
            return s.contains(p) && wholeWordsAlike(sentenceWords, phraseWords);
        }
        return bestSubstringDistance(p, s) <= Math.floor(MAX_EDIT_SHARE * p.length());
    }

    /** A short phrase's key inside the sentence's joined keys: only a match if some words' own keys equal it. */
    private static boolean wholeWordsAlike(String sentenceWords, String phraseWords) {
        String p = key(phraseWords);
        String[] words = sentenceWords.strip().split(" ");
        int n = phraseWords.strip().split(" ").length;
        for (int i = 0; i < words.length; i++) {
            StringBuilder joined = new StringBuilder();
            for (int j = i; j < Math.min(words.length, i + n + 1); j++) {
                joined.append(wordKey(words[j]));
                if (joined.toString().equals(p)) {
                    return true;
                }
                if (joined.length() > p.length()) {
                    break;
                }
            }
        }
        return false;
    }

    /** The fewest edits turning the pattern into some substring of the text (Sellers' algorithm). */
    static int bestSubstringDistance(String pattern, String text) {
        int m = pattern.length();
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            prev[i] = i;
        }
        int best = prev[m];
        for (int j = 1; j <= text.length(); j++) {
            cur[0] = 0;
            char t = text.charAt(j - 1);
            for (int i = 1; i <= m; i++) {
                int sub = prev[i - 1] + (pattern.charAt(i - 1) == t ? 0 : 1);
                cur[i] = Math.min(sub, Math.min(prev[i] + 1, cur[i - 1] + 1));
            }
            best = Math.min(best, cur[m]);
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return best;
    }
}
