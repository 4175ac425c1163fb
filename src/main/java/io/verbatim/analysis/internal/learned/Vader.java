package io.verbatim.analysis.internal.learned;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VADER (Hutto &amp; Gilbert 2014): a general-purpose sentiment lexicon rated by crowds, with rules for negation,
 * boosters and dampeners, "but", capitals and punctuation; its compound score runs from -1 to 1 per sentence.
 * Unlike the enrichment lexicon it was not written against our own calls, so it is what the trend model reads
 * about feelings. A port of the rules of the reference {@code vaderSentiment.py} (MIT) without emoji; the lexicon
 * ships unchanged under {@code analysis/vader} with its licence.
 */
public final class Vader {

    private static final double B_INCR = 0.293;
    private static final double B_DECR = -0.293;
    private static final double C_INCR = 0.733;
    private static final double N_SCALAR = -0.74;
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
            "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt",
            "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
            "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant",
            "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");
    private static final Map<String, Double> BOOSTERS = new HashMap<>();
    private static final Map<String, Double> SPECIAL_CASES = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
            "badass", 1.5, "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);
    private static final Map<String, Double> LEXICON = load();

    static {
        for (String w : List.of("absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
                "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
                "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
                "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly",
                "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
                "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total",
                "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very")) {
            BOOSTERS.put(w, B_INCR);
        }
        for (String w : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
                "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely",
                "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) {
            BOOSTERS.put(w, B_DECR);
        }
    }

    private Vader() {
    }

    /** The compound score of one sentence, -1 (most negative) to 1 (most positive), 0 without any sentiment word. */
    public static double compound(String text) {
        String[] raw = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
        int n = raw.length;
        if (n == 0) {
            return 0;
        }
        String[] words = new String[n];
        String[] low = new String[n];
        int upper = 0;
        for (int i = 0; i < n; i++) {
            words[i] = stripPunctuation(raw[i]);
            low[i] = words[i].toLowerCase(Locale.ROOT);
            upper += isUpper(words[i]) ? 1 : 0;
        }
        boolean capDifferential = upper > 0 && upper < n;
        double[] valences = new double[n];
        for (int i = 0; i < n; i++) {
            boolean modifier = BOOSTERS.containsKey(low[i]) || (i < n - 1 && low[i].equals("kind") && low[i + 1].equals("of"));
            valences[i] = modifier ? 0 : valence(words, low, i, capDifferential);
        }
        int but = List.of(low).indexOf("but");
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += but < 0 || i == but ? valences[i] : i < but ? valences[i] * 0.5 : valences[i] * 1.5;
        }
        double emphasis = punctuationEmphasis(text);
        sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
        return Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + 15)));
    }

    private static double valence(String[] words, String[] low, int i, boolean capDifferential) {
        Double rated = LEXICON.get(low[i]);
        if (rated == null) {
            return 0;
        }
        int n = low.length;
        double v = rated;
        // "no" before another sentiment word negates it instead of counting itself
        if (low[i].equals("no") && i != n - 1 && LEXICON.containsKey(low[i + 1])) {
            v = 0;
        }
        if (i > 0 && low[i - 1].equals("no") || i > 1 && low[i - 2].equals("no")
                || i > 2 && low[i - 3].equals("no") && (low[i - 1].equals("or") || low[i - 1].equals("nor"))) {
            v = rated * N_SCALAR;
        }
        if (isUpper(words[i]) && capDifferential) {
            v += v > 0 ? C_INCR : -C_INCR;
        }
        for (int back = 0; back < 3; back++) {
            if (i > back && !LEXICON.containsKey(low[i - (back + 1)])) {
                double s = scalar(words[i - (back + 1)], v, capDifferential);
                s *= back == 1 ? 0.95 : back == 2 ? 0.9 : 1;
                v = negation(v + s, low, back, i);
                if (back == 2) {
                    v = specialIdioms(v, low, i);
                }
            }
        }
        return least(v, low, i);
    }

    private static double scalar(String word, double valence, boolean capDifferential) {
        Double b = BOOSTERS.get(word.toLowerCase(Locale.ROOT));
        if (b == null) {
            return 0;
        }
        double s = valence < 0 ? -b : b;
        if (isUpper(word) && capDifferential) {
            s += valence > 0 ? C_INCR : -C_INCR;
        }
        return s;
    }

    private static double negation(double v, String[] low, int back, int i) {
        String w1 = low[i - 1];
        switch (back) {
            case 0:
                return negated(w1) ? v * N_SCALAR : v;
            case 1: {
                String w2 = low[i - 2];
                if (w2.equals("never") && (w1.equals("so") || w1.equals("this"))) {
                    return v * 1.25;
                }
                if (w2.equals("without") && w1.equals("doubt")) {
                    return v;
                }
                return negated(w2) ? v * N_SCALAR : v;
            }
            default: {
                String w2 = low[i - 2];
                String w3 = low[i - 3];
                if (w3.equals("never") && (w2.equals("so") || w2.equals("this")) || w1.equals("so") || w1.equals("this")) {
                    return v * 1.25;
                }
                if (w3.equals("without") && (w2.equals("doubt") || w1.equals("doubt"))) {
                    return v;
                }
                return negated(w3) ? v * N_SCALAR : v;
            }
        }
    }

    private static double specialIdioms(double v, String[] low, int i) {
        String w0 = low[i];
        String w1 = at(low, i - 1);
        String w2 = at(low, i - 2);
        String w3 = at(low, i - 3);
        for (String seq : List.of(w1 + " " + w0, w2 + " " + w1 + " " + w0, w2 + " " + w1, w3 + " " + w2 + " " + w1, w3 + " " + w2)) {
            if (SPECIAL_CASES.containsKey(seq)) {
                v = SPECIAL_CASES.get(seq);
                break;
            }
        }
        if (low.length - 1 > i && SPECIAL_CASES.containsKey(w0 + " " + low[i + 1])) {
            v = SPECIAL_CASES.get(w0 + " " + low[i + 1]);
        }
        if (low.length - 1 > i + 1 && SPECIAL_CASES.containsKey(w0 + " " + low[i + 1] + " " + low[i + 2])) {
            v = SPECIAL_CASES.get(w0 + " " + low[i + 1] + " " + low[i + 2]);
        }
        for (String gram : List.of(w3 + " " + w2 + " " + w1, w3 + " " + w2, w2 + " " + w1)) {
            Double b = BOOSTERS.get(gram);
            if (b != null) {
                v += b;
            }
        }
        return v;
    }

    /** "least" before a word negates it, except "at least" and "very least". */
    private static double least(double v, String[] low, int i) {
        if (i > 1 && !LEXICON.containsKey(low[i - 1]) && low[i - 1].equals("least")) {
            return low[i - 2].equals("at") || low[i - 2].equals("very") ? v : v * N_SCALAR;
        }
        if (i > 0 && !LEXICON.containsKey(low[i - 1]) && low[i - 1].equals("least")) {
            return v * N_SCALAR;
        }
        return v;
    }

    private static boolean negated(String word) {
        return NEGATE.contains(word) || word.contains("n't");
    }

    /** Exclamation marks (up to four) and repeated question marks strengthen whatever the sentence says. */
    private static double punctuationEmphasis(String text) {
        long exclamations = Math.min(4, text.chars().filter(c -> c == '!').count());
        long questions = text.chars().filter(c -> c == '?').count();
        double q = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
        return exclamations * 0.292 + q;
    }

    /** Leading and trailing punctuation off, unless that leaves two characters or fewer (an emoticon such as ":)"). */
    static String stripPunctuation(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && PUNCTUATION.indexOf(token.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && PUNCTUATION.indexOf(token.charAt(to - 1)) >= 0) {
            to--;
        }
        return to - from <= 2 ? token : token.substring(from, to);
    }

    /** Python's {@code str.isupper()}: some cased letter, none lower case. */
    static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    private static String at(String[] low, int i) {
        return i >= 0 ? low[i] : "";
    }

    private static Map<String, Double> load() {
        Map<String, Double> out = new HashMap<>();
        try (InputStream in = Vader.class.getClassLoader().getResourceAsStream("analysis/vader/vader_lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("analysis/vader/vader_lexicon.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.strip().split("\t");
                if (parts.length >= 2) {
                    out.put(parts[0], Double.parseDouble(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
