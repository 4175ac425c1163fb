package io.verbatim.analysis.eval;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.evaluation.HeldOut;
import io.verbatim.speech.Turn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Tuning harness for every scorecard item: accuracy per item and per writer (training: the id's prefix
 * {@code ta_}..{@code tj_}; written: the first 30 and {@code wd_}), the held-out part, all, and the items ranked by
 * errors. Rules learn nothing, so per writer on the training calls is their tuning figure; run it with
 * {@code -Dverbatim.analysis.rules-only=true} for the rules alone. {@code --misses [item]} lists the misses with the
 * evidence, {@code --dialogue} also the conversation, and only for the training folder: the evaluation sets are scored,
 * never read. {@code --tsv FILE} writes one row per (call, item): id, item, gold, got, confidence, for offline comparison.
 * Usage: {@code QaTuning <folder>... [--misses [item]] [--dialogue] [--tsv FILE]}.
 */
public final class QaTuning {

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        boolean misses = a.contains("--misses");
        boolean dialogue = a.contains("--dialogue");
        String only = a.indexOf("--misses") + 1 < a.size() && !a.get(a.indexOf("--misses") + 1).startsWith("--")
                && a.contains("--misses") ? a.get(a.indexOf("--misses") + 1) : null;
        String tsv = a.contains("--tsv") ? a.get(a.indexOf("--tsv") + 1) : null;
        List<String> rows = new ArrayList<>();
        Analyst analyst = new Analyst();
        for (int ai = 0; ai < args.length; ai++) {
            String folder = args[ai];
            if (folder.startsWith("--")) {
                if (folder.equals("--tsv")) {
                    ai++;
                }
                continue;
            }
            if (!Path.of(folder).toFile().isDirectory()) {
                continue;
            }
            boolean training = Path.of(folder).normalize().toString().endsWith("evaluation/train");
            Map<String, Map<String, int[]>> byItem = new TreeMap<>();
            List<String> notes = new ArrayList<>();
            for (EvalCall call : EvalCall.load(Path.of(folder))) {
                JsonNode qa = call.labels().path("qa");
                if (!qa.isObject()) {
                    continue;
                }
                AnalysisResult r = analyst.analyse(call.transcript(), call.attributes(), QaConfigs.defaults(), call.goldSentiment());
                String writer = training ? call.id().substring(0, call.id().indexOf('_'))
                        : folder.contains("written") ? (call.id().startsWith("wd_") ? "wd" : "first30") : "all";
                String part = HeldOut.contains(call.id()) ? "held-out" : "tuned";
                for (var e : qa.properties()) {
                    String key = e.getKey();
                    JsonNode g = e.getValue();
                    String gold = g.isNull() ? null : String.valueOf(g.booleanValue());
                    String got = item(r, key);
                    boolean ok = Objects.equals(gold, got);
                    var j = r.judgment("qa." + key);
                    rows.add(call.id() + "\t" + key + "\t" + gold + "\t" + got + "\t" + (j == null ? "" : j.confidence()));
                    for (String k : new LinkedHashSet<>(List.of(writer, part, "all"))) {
                        for (String it : List.of(key, "ALL")) {
                            int[] c = byItem.computeIfAbsent(it, x -> new TreeMap<>()).computeIfAbsent(k, x -> new int[2]);
                            c[0] += ok ? 1 : 0;
                            c[1]++;
                        }
                    }
                    if (!ok && misses && (only == null || only.equals(key))) {
                        notes.add(String.format("%-26s %-26s gold=%-5s got=%-5s %s", key, call.id(), gold, got, why(r, key)));
                        if (dialogue && training) {
                            for (int i = 0; i < call.transcript().turns().size(); i++) {
                                Turn t = call.transcript().turns().get(i);
                                notes.add(String.format("      %2d %s: %s", i, t.speaker().wire().charAt(0), t.text()));
                            }
                        }
                    }
                }
            }
            System.out.println("== " + folder);
            byItem.entrySet().stream()
                    .sorted((x, y) -> Integer.compare(errors(y.getValue()), errors(x.getValue())))
                    .forEach(en -> {
                        StringBuilder sb = new StringBuilder(String.format("%-26s err %3d", en.getKey(), errors(en.getValue())));
                        en.getValue().forEach((k, c) -> sb.append(String.format(Locale.ROOT, " %s %.3f", k, c[0] / (double) c[1])));
                        sb.append(String.format(" (n=%d)", en.getValue().get("all")[1]));
                        System.out.println(sb);
                    });
            notes.forEach(System.out::println);
        }
        if (tsv != null) {
            java.nio.file.Files.write(Path.of(tsv), rows);
        }
    }

    private static int errors(Map<String, int[]> m) {
        int[] c = m.get("all");
        return c[1] - c[0];
    }

    private static String item(AnalysisResult r, String key) {
        ItemResult item = r.scorecard() == null ? null : r.scorecard().item(key);
        return item == null || item.result() == ItemStatus.NOT_APPLICABLE ? null : String.valueOf(item.result() == ItemStatus.MET);
    }

    private static String why(AnalysisResult r, String key) {
        ItemResult item = r.scorecard() == null ? null : r.scorecard().item(key);
        return item == null ? "(no scorecard item)" : item.evidence().stream().map(e -> e.turn() + ": " + e.quote()).toList().toString();
    }
}
