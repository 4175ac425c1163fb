package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.insights.ActionItemFinder;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.evaluation.HeldOut;
import io.verbatim.evaluation.TextSimilarity;
import io.verbatim.evaluation.scoring.ActionItemMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How strict the action-item matching is, on the TRAINING calls only (the finder is rules, so all 360 calls are the
 * tuning figure): the evaluation's matcher (same owner; content-word overlap >= 1/3 or MiniLM cosine >= 0.6) beside
 * looser and stricter variants, one to one, best pair first. Prints figures only.
 * Usage: {@code ActionMatching src/test/resources/evaluation/train}.
 */
public final class ActionMatching {

    private record Variant(String name, boolean sameOwner, double overlap, double cosine) { }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("evaluation (same owner, overlap 1/3 or cos 0.6)", true, ActionItemMatcher.OVERLAP, ActionItemMatcher.COSINE),
            new Variant("owner ignored", false, ActionItemMatcher.OVERLAP, ActionItemMatcher.COSINE),
            new Variant("same owner, cos 0.5", true, ActionItemMatcher.OVERLAP, 0.5),
            new Variant("same owner, cos 0.4", true, ActionItemMatcher.OVERLAP, 0.4),
            new Variant("same owner, cos 0.7 (stricter)", true, ActionItemMatcher.OVERLAP, 0.7),
            new Variant("same owner, overlap 1/2, cos 0.6 (stricter)", true, 0.5, ActionItemMatcher.COSINE),
            new Variant("owner ignored, cos 0.4", false, ActionItemMatcher.OVERLAP, 0.4));

    public static void main(String[] args) {
        Path folder = Path.of(args[0]).normalize();
        if (!folder.toString().endsWith("evaluation/train")) {
            throw new IllegalArgumentException("training calls only: " + folder);
        }
        TextSimilarity similarity = TextSimilarity.miniLm();
        Map<String, int[]> all = new LinkedHashMap<>();
        Map<String, int[]> held = new LinkedHashMap<>();
        int[] ownerPresence = new int[3];
        for (EvalCall call : EvalCall.load(folder)) {
            if (!call.labels().has("action_items")) {
                continue;
            }
            List<ActionItemMatcher.Item> gold = new ArrayList<>();
            call.labels().get("action_items").forEach(a -> gold.add(new ActionItemMatcher.Item(a.path("owner").asString(""),
                    a.path("text").asString(""))));
            List<ActionItemMatcher.Item> got = ActionItemFinder.find(new ConversationText(call.transcript())).stream()
                    .map(a -> new ActionItemMatcher.Item(a.owner().name().toLowerCase(Locale.ROOT), a.text())).toList();
            double[][] ov = new double[gold.size()][got.size()];
            double[][] cos = new double[gold.size()][got.size()];
            for (int i = 0; i < gold.size(); i++) {
                for (int j = 0; j < got.size(); j++) {
                    ov[i][j] = ActionItemMatcher.overlap(gold.get(i).text(), got.get(j).text());
                    cos[i][j] = similarity.similarity(gold.get(i).text(), got.get(j).text());
                }
            }
            for (Variant v : VARIANTS) {
                int tp = match(v, gold, got, ov, cos);
                for (Map<String, int[]> m : HeldOut.contains(call.id()) ? List.of(all, held) : List.of(all)) {
                    int[] c = m.computeIfAbsent(v.name(), k -> new int[3]);
                    c[0] += tp;
                    c[1] += got.size();
                    c[2] += gold.size();
                }
            }
            // per call and owner: is there an open follow-up for the agent / for the customer at all
            for (String owner : List.of("agent", "customer")) {
                boolean g = gold.stream().anyMatch(x -> x.owner().equals(owner));
                boolean p = got.stream().anyMatch(x -> x.owner().equals(owner));
                ownerPresence[0] += g && p ? 1 : 0;
                ownerPresence[1] += p ? 1 : 0;
                ownerPresence[2] += g ? 1 : 0;
            }
        }
        all.forEach((name, c) -> {
            int[] h = held.getOrDefault(name, new int[3]);
            System.out.printf(Locale.ROOT, "%-50s P %.3f R %.3f F1 %.3f (held-out ids F1 %.3f)  tp %d pred %d gold %d%n", name,
                    (double) c[0] / Math.max(1, c[1]), (double) c[0] / Math.max(1, c[2]), ActionTuning.f1(c), ActionTuning.f1(h), c[0], c[1], c[2]);
        });
        System.out.printf(Locale.ROOT, "%-50s P %.3f R %.3f F1 %.3f%n", "per call and owner: any open follow-up",
                (double) ownerPresence[0] / ownerPresence[1], (double) ownerPresence[0] / ownerPresence[2], ActionTuning.f1(ownerPresence));
    }

    private static int match(Variant v, List<ActionItemMatcher.Item> gold, List<ActionItemMatcher.Item> got, double[][] ov, double[][] cos) {
        record Pair(int g, int p, double score) { }
        List<Pair> candidates = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            for (int j = 0; j < got.size(); j++) {
                if (v.sameOwner() && !gold.get(i).owner().equals(got.get(j).owner())) {
                    continue;
                }
                if (ov[i][j] >= v.overlap() || cos[i][j] >= v.cosine()) {
                    candidates.add(new Pair(i, j, Math.max(ov[i][j], cos[i][j])));
                }
            }
        }
        candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
        boolean[] usedG = new boolean[gold.size()];
        boolean[] usedP = new boolean[got.size()];
        int n = 0;
        for (Pair c : candidates) {
            if (!usedG[c.g()] && !usedP[c.p()]) {
                usedG[c.g()] = usedP[c.p()] = true;
                n++;
            }
        }
        return n;
    }
}
