package io.verbatim.analysis.eval;

import io.verbatim.analysis.ActionItem;
import io.verbatim.analysis.internal.insights.ActionItemFinder;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.evaluation.HeldOut;
import io.verbatim.evaluation.TextSimilarity;
import io.verbatim.evaluation.scoring.ActionItemMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tuning harness for action items: precision / recall / F1 per writer (the id's prefix, {@code ta_}..{@code tj_}),
 * the tuning figure for rules, with the evaluation's own matcher (same owner, similar text). {@code --misses} lists,
 * for the training folder only, each gold item left unmatched (with the sentence that says it best, and whether a
 * prediction of the other owner would have matched) and each prediction left unmatched.
 * Usage: {@code ActionTuning <folder>... [--misses]}.
 */
public final class ActionTuning {

    public static void main(String[] args) {
        boolean misses = List.of(args).contains("--misses");
        TextSimilarity similarity = TextSimilarity.miniLm();
        ActionItemMatcher matcher = new ActionItemMatcher(similarity);
        for (String folder : args) {
            if (folder.startsWith("--")) {
                continue;
            }
            boolean training = Path.of(folder).normalize().toString().endsWith("evaluation/train");
            Map<String, int[]> counts = new TreeMap<>();
            List<String> notes = new ArrayList<>();
            for (EvalCall call : EvalCall.load(Path.of(folder))) {
                if (!call.labels().has("action_items")) {
                    continue;
                }
                ConversationText text = new ConversationText(call.transcript());
                List<ActionItemMatcher.Item> gold = new ArrayList<>();
                call.labels().get("action_items").forEach(a -> gold.add(new ActionItemMatcher.Item(a.path("owner").asString(""),
                        a.path("text").asString(""))));
                List<ActionItem> found = ActionItemFinder.find(text);
                List<ActionItemMatcher.Item> got = found.stream()
                        .map(a -> new ActionItemMatcher.Item(a.owner().name().toLowerCase(Locale.ROOT), a.text())).toList();
                List<String> pairs = new ArrayList<>();
                int tp = matcher.match(gold, got, pairs);
                String writer = training ? TrainAnalyst.writer(call.id()) : folder.contains("written") ? (call.id().startsWith("wd_") ? "wd" : "first30") : "all";
                String part = HeldOut.contains(call.id()) ? "held-out" : "tuned";
                for (String key : new java.util.LinkedHashSet<>(List.of(writer, part, "all"))) {
                    int[] c = counts.computeIfAbsent(key, k -> new int[3]);
                    c[0] += tp;
                    c[1] += got.size();
                    c[2] += gold.size();
                }
                if (misses && training) {
                    java.util.Set<Integer> usedG = new java.util.HashSet<>();
                    java.util.Set<Integer> usedP = new java.util.HashSet<>();
                    for (String p : pairs) {
                        String[] gp = p.substring(1, p.indexOf(' ')).split("~");
                        usedG.add(Integer.parseInt(gp[0]));
                        usedP.add(Integer.parseInt(gp[1]));
                    }
                    for (int i = 0; i < gold.size(); i++) {
                        if (usedG.contains(i)) {
                            continue;
                        }
                        ActionItemMatcher.Item g = gold.get(i);
                        String other = "";
                        for (ActionItemMatcher.Item p : got) {
                            if (!p.owner().equals(g.owner()) && (ActionItemMatcher.overlap(g.text(), p.text()) >= ActionItemMatcher.OVERLAP
                                    || similarity.similarity(g.text(), p.text()) >= ActionItemMatcher.COSINE)) {
                                other = " OWNER-WRONG";
                            }
                        }
                        Sentence best = null;
                        double bestScore = 0;
                        for (Sentence s : text.sentences()) {
                            double score = Math.max(ActionItemMatcher.overlap(g.text(), s.text()), similarity.similarity(g.text(), s.text()));
                            if (score > bestScore) {
                                bestScore = score;
                                best = s;
                            }
                        }
                        notes.add(String.format(Locale.ROOT, "MISS %-14s %-8s %s%s%n        best %.2f t%d %s: %s", call.id(), g.owner(), g.text(), other,
                                bestScore, best == null ? -1 : best.turn(), best == null ? "" : best.speaker(), best == null ? "" : best.text()));
                    }
                    for (int j = 0; j < got.size(); j++) {
                        if (usedP.contains(j)) {
                            notes.add(String.format(Locale.ROOT, "HIT   %-13s %-8s %s", call.id(), got.get(j).owner(), got.get(j).text()));
                        } else {
                            notes.add(String.format(Locale.ROOT, "FALSE %-13s %-8s %s  (t%d)", call.id(), got.get(j).owner(), got.get(j).text(),
                                    found.get(j).evidence() == null ? -1 : found.get(j).evidence().turn()));
                        }
                    }
                }
            }
            System.out.println("== " + folder);
            counts.forEach((k, c) -> System.out.printf(Locale.ROOT, "%-10s P %.3f R %.3f F1 %.3f (tp %d, predicted %d, gold %d)%n", k,
                    c[1] == 0 ? 0 : (double) c[0] / c[1], c[2] == 0 ? 0 : (double) c[0] / c[2], f1(c), c[0], c[1], c[2]));
            notes.forEach(System.out::println);
        }
    }

    static double f1(int[] c) {
        return c[0] == 0 ? 0 : 2.0 * c[0] / (c[1] + c[2]);
    }
}
