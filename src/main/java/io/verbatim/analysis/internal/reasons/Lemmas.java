package io.verbatim.analysis.internal.reasons;

import io.verbatim.analysis.internal.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A light English lemmatiser for matching a reason key's words in what the customer said: plural,
 * -ing, -ed and -ment endings and a final "e" come off both sides alike, so "checks" ~ "check",
 * "ordered" ~ "order", "replacement" ~ "replace". Cheap and model-free; exactness does not matter
 * because both sides go through the same rules.
 */
final class Lemmas {

    // Closed-class and light words carry no reason ("get_branch_hours": "get" is in every request).
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "at",
            "by", "with", "my", "me", "i", "is", "be", "get", "make", "do", "have", "want", "need", "new", "about");

    private Lemmas() {
    }

    /** Lemmas of the content words of a text, in order, without repeats. */
    static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : Normalizer.words(text).strip().split(" ")) {
            if (!w.isEmpty() && !STOP.contains(w)) {
                out.add(lemma(w));
            }
        }
        return out;
    }

    static String lemma(String word) {
        String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 6 && w.endsWith("ment")) {
            w = w.substring(0, w.length() - 4);
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = undouble(w.substring(0, w.length() - 2));
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /** Whether a customer word means the key lemma: equal, or a compound holding it ("cheeseburger", "checkbook"). */
    static boolean matches(String customerLemma, String keyLemma) {
        return customerLemma.equals(keyLemma) || (keyLemma.length() >= 4 && customerLemma.contains(keyLemma));
    }
}
