package io.verbatim.enrichment.pii;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word or number of a turn with its character span. Internal dots, hyphens and apostrophes stay
 * inside a token ("sandra.kowalski", "seventy-nine", "O'Donnell", "503-555-0142"), so spans map back
 * to the exact text.
 */
record Tok(String text, int start, int end, String lower, String folded) {

    /** The folded form without a possessive ending ("jasmine's" -> "jasmine"). */
    String base() {
        return folded.endsWith("'s") || folded.endsWith("’s") ? folded.substring(0, folded.length() - 2) : folded;
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’.][\\p{L}\\p{N}]+)*");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    static List<Tok> of(String text) {
        List<Tok> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String t = m.group();
            String lower = t.toLowerCase(Locale.ROOT);
            out.add(new Tok(t, m.start(), m.end(), lower, fold(lower)));
        }
        return out;
    }

    /** Lower case without accents ("cédula" -> "cedula"), for matching words spoken with or without them. */
    static String fold(String s) {
        return DIACRITICS.matcher(Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    boolean digitsOnly() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isDigit(c) && c != '-' && c != '.') {
                return false;
            }
        }
        return Character.isDigit(text.charAt(0));
    }

    String digits() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                sb.append(text.charAt(i));
            }
        }
        return sb.toString();
    }

    boolean capitalised() {
        return Character.isUpperCase(text.codePointAt(0));
    }

    /** A single capital letter ("S" of "S C H"), not the pronoun "I" or the article "A". */
    boolean spelledLetter() {
        return text.length() == 1 && Character.isUpperCase(text.charAt(0)) && !text.equals("I") && !text.equals("A");
    }
}
