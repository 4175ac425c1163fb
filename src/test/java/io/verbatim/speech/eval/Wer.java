package io.verbatim.speech.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Word error rate with the normalisation of {@code testdata/calls/README.md}: lower case, no
 * punctuation (apostrophes inside words kept), hyphens split, "a.m." as "a m", numbers as words;
 * fillers (um, uh, hmm, mm hmm, ...) are stripped from both sides, as the README allows. Also
 * folds the few spellings the pocketsphinx dictionary prefers ("dr", "ok", "pm") into the
 * reference's spoken forms.
 */
public final class Wer {

    /**
     * @param errors     substitutions + deletions + insertions
     * @param refWords   words in the normalised reference
     * @param hypWords   words in the normalised hypothesis
     */
    public record Score(int errors, int refWords, int hypWords) {
        public double wer() {
            return refWords == 0 ? 0 : errors / (double) refWords;
        }

        public Score plus(Score o) {
            return new Score(errors + o.errors, refWords + o.refWords, hypWords + o.hypWords);
        }
    }

    private static final Set<String> FILLERS = Set.of("um", "uh", "hmm", "mm", "hum", "umhum", "mhm", "oof", "ah", "er",
            "erm", "uhm", "hm");
    private static final Map<String, String> SPELLINGS = Map.of("dr", "doctor", "mr", "mister", "mrs", "missus",
            "ok", "okay", "pm", "p m", "a.m.", "a m", "p.m.", "p m");
    private static final Pattern APOSTROPHE_EDGES = Pattern.compile("(^'+|'+$)");
    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

    private Wer() {
    }

    public static Score score(String reference, String hypothesis) {
        List<String> ref = normalise(reference);
        List<String> hyp = normalise(hypothesis);
        return new Score(distance(ref, hyp), ref.size(), hyp.size());
    }

    public static List<String> normalise(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (Map.Entry<String, String> e : Map.of("a.m.", " a m ", "p.m.", " p m ").entrySet()) {
            t = t.replace(e.getKey(), e.getValue());
        }
        t = t.replaceAll("[^a-z0-9' ]+", " ");
        List<String> out = new ArrayList<>();
        for (String raw : t.trim().split("\\s+")) {
            String w = APOSTROPHE_EDGES.matcher(raw).replaceAll("");
            if (w.isEmpty() || FILLERS.contains(w)) {
                continue;
            }
            if (w.chars().allMatch(Character::isDigit) && w.length() <= 6) {
                out.addAll(List.of(cardinal(Integer.parseInt(w)).split(" ")));
                continue;
            }
            String mapped = SPELLINGS.getOrDefault(w, w);
            out.addAll(List.of(mapped.split(" ")));
        }
        return out;
    }

    /** 0 .. 999999 as spoken cardinal words ("twenty two", "one hundred five"). */
    static String cardinal(int n) {
        if (n < 20) {
            return ONES[n];
        }
        if (n < 100) {
            return TENS[n / 10] + (n % 10 == 0 ? "" : " " + ONES[n % 10]);
        }
        if (n < 1000) {
            return ONES[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + cardinal(n % 100));
        }
        return cardinal(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + cardinal(n % 1000));
    }

    /** Levenshtein distance over words. */
    static int distance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}
