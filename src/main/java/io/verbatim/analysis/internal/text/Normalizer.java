package io.verbatim.analysis.internal.text;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text folding shared by every rule, so that phrases and transcripts compare the same way:
 * {@link #fold} lower-cases, removes accents and unifies apostrophes and dashes (punctuation kept, for
 * regular expressions); {@link #words} also turns every non-word character into a single space and pads
 * with spaces, so a phrase matches as {@code words(text).contains(words(phrase))} on whole words.
 */
public final class Normalizer {

    private static final Map<String, String> PHRASES = new ConcurrentHashMap<>();

    private Normalizer() {
    }

    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'')
                .replace('\u2014', '-').replace('\u2013', '-');
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 128;
        }
        if (ascii) {
            return lower;
        }
        String decomposed = java.text.Normalizer.normalize(lower, Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** " word word word " — folded, words of letters/digits/apostrophes, single spaces, padded. */
    public static String words(String text) {
        String folded = fold(text);
        StringBuilder sb = new StringBuilder(folded.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean word = Character.isLetterOrDigit(c)
                    || (c == '\'' && i > 0 && i + 1 < folded.length()
                        && Character.isLetter(folded.charAt(i - 1)) && Character.isLetter(folded.charAt(i + 1)));
            if (word) {
                sb.append(c);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        if (!space) {
            sb.append(' ');
        }
        return sb.toString();
    }

    /** A phrase in the form {@link #words} produces, cached (phrases come from configs and are reused). */
    public static String phrase(String phrase) {
        return PHRASES.computeIfAbsent(phrase, p -> {
            String w = words(p);
            return w.isBlank() ? " " : w;
        });
    }

    /** Whether normalised text (from {@link #words}) contains the phrase as whole words. */
    public static boolean containsPhrase(String words, String phrase) {
        String p = phrase(phrase);
        return p.length() > 1 && words.contains(p);
    }

    public static int wordCount(String words) {
        int n = 0;
        for (int i = 1; i < words.length(); i++) {
            if (words.charAt(i) == ' ' && words.charAt(i - 1) != ' ') {
                n++;
            }
        }
        return n;
    }
}
