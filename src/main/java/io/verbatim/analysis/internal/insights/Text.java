package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.analysis.internal.text.Sentence;
import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers shared by the extractors. */
final class Text {

    private static final Pattern FILLERS = Pattern.compile(
            "(?i)(?<![\\w'])(um+|uh+|erm|eh|hmm+|mm+-?hmm+|you know|i mean|like,|kinda|sorta)(?![\\w'])[,.]?\\s*");
    private static final Pattern STUTTER = Pattern.compile("(?i)\\b(\\w+(?:'\\w+)?), \\1\\b");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private Text() {
    }

    static boolean any(Sentence s, List<String> phrases) {
        return s.hasAny(phrases);
    }

    static boolean any(String words, List<String> phrases) {
        for (String p : phrases) {
            if (Normalizer.containsPhrase(words, p)) {
                return true;
            }
        }
        return false;
    }

    /** Removes fillers ("um", "you know") and stutters ("I, I") for quoting in summaries and action items. */
    static String clean(String text) {
        String t = FILLERS.matcher(text).replaceAll("");
        for (int i = 0; i < 3; i++) {
            t = STUTTER.matcher(t).replaceAll("$1");
        }
        t = SPACES.matcher(t).replaceAll(" ").strip();
        t = t.replaceAll("^[,.;:\\-\u2014 ]+", "").replaceAll("\\s+([,.?!])", "$1").replaceAll(",\\s*,", ",");
        if (!t.isEmpty() && Character.isLowerCase(t.charAt(0))) {
            t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        }
        return t;
    }

    /** At most {@code max} words, with an ellipsis when cut. */
    static String limitWords(String text, int max) {
        String[] words = text.split("\\s+");
        if (words.length <= max) {
            return text;
        }
        return String.join(" ", java.util.Arrays.copyOf(words, max)).replaceAll("[,;:]$", "") + "\u2026";
    }
}
