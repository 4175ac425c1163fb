package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches predicted action items to gold ones, one to one: same owner, and the texts are similar:
 * their content words (stop words removed, crude suffix stemming; two words also match when they share
 * their first five letters, which catches cognates such as transfer/transferencia) overlap by at least a
 * third of the shorter one's, or their MiniLM embeddings have cosine >= 0.6. Pairs are taken greedily,
 * best first.
 */
final class ActionItemMatcher {

    static final double OVERLAP = 1.0 / 3;
    static final double COSINE = 0.6;
    private static final Set<String> STOP = new HashSet<>(Arrays.asList(("a an the to of for and or in on at by with from "
            + "your you i we he she they it is are be will i'll you'll we'll this that as so just also then can get "
            + "have has had who there what which would could should was were been not yes okay yeah think let first going "
            + "gonna one more some any about into out up well really maybe "
            + "me my our us his her their el la los las de del que y en un una su se lo le desde para por con customer agent").split(" ")));

    record Item(String owner, String text) {
        @Override
        public String toString() {
            return owner + ": " + text;
        }
    }

    private final SentenceEmbedder embedder = new MiniLmEmbedder();

    int match(List<Item> gold, List<Item> got, List<String> pairs) {
        record Pair(int g, int p, double score) { }
        List<Pair> candidates = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            for (int j = 0; j < got.size(); j++) {
                if (!gold.get(i).owner().equals(got.get(j).owner())) {
                    continue;
                }
                double overlap = overlap(gold.get(i).text(), got.get(j).text());
                double cos = SentenceEmbedder.cosine(embedder.embedExamples(List.of(gold.get(i).text())).get(0),
                        embedder.embedExamples(List.of(got.get(j).text())).get(0));
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
            if (usedG.add(c.g())) {
                if (usedP.add(c.p())) {
                    n++;
                    pairs.add(String.format("[%d~%d %.2f]", c.g(), c.p(), c.score()));
                } else {
                    usedG.remove(c.g());
                }
            }
        }
        return n;
    }

    static double overlap(String a, String b) {
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
        for (String w : Normalizer.words(text).strip().split(" ")) {
            if (w.length() > 2 && !STOP.contains(w)) {
                out.add(w.replaceAll("(ing|ed|es|s)$", ""));
            }
        }
        return out;
    }
}
