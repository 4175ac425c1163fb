package io.verbatim.evaluation.scoring;

import io.verbatim.evaluation.TextSimilarity;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches predicted action items to gold ones, one to one: same owner, and the texts are similar:
 * their content words (stop words removed, crude suffix stemming; two words also match when they share
 * their first five letters, which catches cognates such as transfer/transferencia) overlap by at least a
 * third of the shorter one's, or their similarity (MiniLM cosine) is >= 0.6. Pairs are taken greedily,
 * best first.
 */
public final class ActionItemMatcher {

    public static final double OVERLAP = 1.0 / 3;
    public static final double COSINE = 0.6;
    private static final Set<String> STOP = new HashSet<>(Arrays.asList(("a an the to of for and or in on at by with from "
            + "your you i we he she they it is are be will i'll you'll we'll this that as so just also then can get "
            + "have has had who there what which would could should was were been not yes okay yeah think let first going "
            + "gonna one more some any about into out up well really maybe "
            + "me my our us his her their el la los las de del que y en un una su se lo le desde para por con customer agent").split(" ")));

    public record Item(String owner, String text) {
        @Override
        public String toString() {
            return owner + ": " + text;
        }
    }

    private final TextSimilarity similarity;

    public ActionItemMatcher(TextSimilarity similarity) {
        this.similarity = similarity;
    }

    /** The number of matched pairs; {@code pairs} receives "[gold~predicted score]" for each. */
    public int match(List<Item> gold, List<Item> got, List<String> pairs) {
        record Pair(int g, int p, double score) { }
        List<Pair> candidates = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            for (int j = 0; j < got.size(); j++) {
                if (!gold.get(i).owner().equals(got.get(j).owner())) {
                    continue;
                }
                double overlap = overlap(gold.get(i).text(), got.get(j).text());
                double cos = overlap >= 1 ? 0 : similarity.similarity(gold.get(i).text(), got.get(j).text());
                if (overlap >= OVERLAP || cos >= COSINE) {
                    candidates.add(new Pair(i, j, Math.max(overlap, cos)));
                }
            }
        }
        candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
        Set<Integer> usedG = new HashSet<>();
        Set<Integer> usedP = new HashSet<>();
        int n = 0;
        for (Pair c : candidates) {
            if (!usedG.contains(c.g()) && !usedP.contains(c.p())) {
                usedG.add(c.g());
                usedP.add(c.p());
                n++;
                pairs.add(String.format(Locale.ROOT, "[%d~%d %.2f]", c.g(), c.p(), c.score()));
            }
        }
        return n;
    }

    public static double overlap(String a, String b) {
        Set<String> x = content(a);
        Set<String> y = content(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String u : x) {
            for (String v : y) {
                if (u.equals(v) || (u.length() >= 5 && v.length() >= 5 && u.regionMatches(0, v, 0, 5))) {
                    common++;
                    break;
                }
            }
        }
        return (double) common / Math.min(x.size(), y.size());
    }

    static Set<String> content(String text) {
        Set<String> out = new HashSet<>();
        for (String w : words(text)) {
            if (w.length() > 2 && !STOP.contains(w)) {
                out.add(w.replaceAll("(ing|ed|es|s)$", ""));
            }
        }
        return out;
    }

    /** Lower-cased, accents removed, split on anything but letters, digits and inner apostrophes. */
    static List<String> words(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''), Normalizer.Form.NFD)
                .replaceAll("\\p{Mn}", "");
        List<String> out = new ArrayList<>();
        for (String w : folded.split("[^\\p{L}\\p{N}']+")) {
            String t = w.replaceAll("^'+|'+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
