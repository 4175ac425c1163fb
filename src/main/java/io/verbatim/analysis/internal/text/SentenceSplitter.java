package io.verbatim.analysis.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a turn into sentences at ".", "!", "?" (and a cut-off "—") followed by a space, keeping the
 * punctuation; not after common abbreviations (Mr., Dr., a.m., St.) or inside numbers. Spanish
 * inverted marks open a sentence. Returns [start, end) character offsets.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "sr", "sra", "jr", "vs",
            "a.m", "p.m", "am", "pm", "no", "etc", "e.g", "i.e", "mt", "ft", "ave", "apt", "dept", "inc", "co", "u.s");

    private SentenceSplitter() {
    }

    public static List<int[]> split(String text) {
        List<int[]> spans = new ArrayList<>();
        int start = skipSpaces(text, 0);
        int n = text.length();
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            boolean end = c == '.' || c == '!' || c == '?' || c == '\u2014' || c == '\u2026';
            if (!end) {
                continue;
            }
            int j = i + 1;
            while (j < n && (text.charAt(j) == '.' || text.charAt(j) == '!' || text.charAt(j) == '?'
                    || text.charAt(j) == '"' || text.charAt(j) == '\u201d' || text.charAt(j) == ')')) {
                j++;
            }
            if (j < n && !Character.isWhitespace(text.charAt(j))) {
                continue;
            }
            int next = skipSpaces(text, j);
            if (c == '.' && isAbbreviation(text, i) && !(isClock(text, i) && next < n && startsSentence(text, next))) {
                continue;
            }
            if (next < n && c == '.' && Character.isLowerCase(text.charAt(next)) && wordBefore(text, i) < 3) {
                continue;
            }
            if (j > start) {
                spans.add(new int[] {start, j});
            }
            start = next;
            i = next - 1;
        }
        if (start < n) {
            int end = n;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                spans.add(new int[] {start, end});
            }
        }
        return spans;
    }

    private static boolean isAbbreviation(String text, int dot) {
        int s = dot;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
            s--;
        }
        String word = text.substring(s, dot).toLowerCase(java.util.Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(text.charAt(s)));
    }

    private static final Set<String> STARTERS = Set.of("I", "We", "You", "He", "She", "They", "It", "The", "Have", "Is",
            "Are", "Thank", "Thanks", "And", "So", "But", "Please", "Does", "Do", "Can", "Would", "Will", "See", "That", "This",
            "Your", "Our", "My", "If", "What", "How", "Okay", "Ok", "Great", "Perfect", "Also", "Just", "Let", "Any");

    private static boolean isClock(String text, int dot) {
        String before = text.substring(Math.max(0, dot - 3), dot + 1).toLowerCase(java.util.Locale.ROOT);
        return before.endsWith("a.m.") || before.endsWith("p.m.") || before.endsWith(".m.");
    }

    private static boolean startsSentence(String text, int at) {
        int e = at;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return STARTERS.contains(text.substring(at, e));
    }

    private static int wordBefore(String text, int dot) {
        int s = dot;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return dot - s;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
