package io.verbatim.adaptation.lm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns written text into the words a recogniser says: lower case (the pocketsphinx dictionary's
 * case), punctuation dropped (apostrophes inside words kept), hyphens split, digits spoken (short
 * numbers as cardinals, longer digit strings digit by digit, the way phone and account numbers are
 * read), fillers dropped (the engine reports them as noise, not words). Accents are taken off, not the
 * letters that carry them ("José" is "jose", as the dictionary spells it, not "jos").
 */
public final class LmText {

    private static final Set<String> FILLERS = Set.of("um", "uh", "hmm", "mm", "hum", "umhum", "mhm", "ah", "er", "erm",
            "uhm", "hm");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9' ]+");
    private static final Pattern EDGE_APOSTROPHES = Pattern.compile("(^'+|'+$)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

    private LmText() {
    }

    /** The spoken words of one sentence or turn. */
    public static List<String> words(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace("a.m.", " a m ").replace("p.m.", " p m ");
        t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
        t = NOT_WORD.matcher(t).replaceAll(" ");
        List<String> out = new ArrayList<>();
        for (String raw : SPACES.split(t.strip())) {
            String w = EDGE_APOSTROPHES.matcher(raw).replaceAll("");
            if (w.isEmpty() || FILLERS.contains(w)) {
                continue;
            }
            if (w.chars().allMatch(Character::isDigit)) {
                spoken(w, out);
            } else if (w.chars().anyMatch(Character::isDigit)) {
                // "2b", "a1": letters and digits said one by one
                w.chars().forEach(c -> spoken(String.valueOf((char) c), out));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static void spoken(String s, List<String> out) {
        if (Character.isLetter(s.charAt(0)) || s.charAt(0) == '\'') {
            out.add(s);
        } else if (s.length() <= 2) {
            int n = Integer.parseInt(s);
            if (n < 20) {
                out.add(ONES[n]);
            } else {
                out.add(TENS[n / 10]);
                if (n % 10 != 0) {
                    out.add(ONES[n % 10]);
                }
            }
        } else {
            s.chars().forEach(c -> out.add(ONES[c - '0']));
        }
    }
}
