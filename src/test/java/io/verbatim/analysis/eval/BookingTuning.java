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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Tuning harness for booking status and the two QA items around it (asked for the sale or booking, verified the
 * customer): accuracy per writer (the id's prefix, {@code ta_}..{@code tj_}), which is the tuning figure for rules
 * (they learn nothing, so every training call is out of sample for them), and the misses with the deciding rule and
 * its sentence. {@code --dialogue} also prints the conversation of each miss, and only for the training folder: the
 * evaluation sets are scored, never read.
 * Usage: {@code BookingTuning <folder>... [--misses] [--dialogue]}.
 */
public final class BookingTuning {

    static final List<String> FIELDS = List.of("booking_status", "qa.asked_for_sale_or_booking", "qa.verified_customer");

    public static void main(String[] args) {
        boolean misses = List.of(args).contains("--misses");
        boolean dialogue = List.of(args).contains("--dialogue");
        Analyst analyst = new Analyst();
        for (String folder : args) {
            if (folder.startsWith("--")) {
                continue;
            }
            boolean training = Path.of(folder).normalize().toString().endsWith("evaluation/train");
            Map<String, Map<String, int[]>> byWriter = new TreeMap<>();
            List<String> notes = new ArrayList<>();
            for (EvalCall call : EvalCall.load(Path.of(folder))) {
                AnalysisResult r = analyst.analyse(call.transcript(), call.attributes(), QaConfigs.defaults(), call.goldSentiment());
                String writer = training ? call.id().substring(0, call.id().indexOf('_')) : folder.contains("written") ? writerOf(call.id()) : "all";
                String part = HeldOut.contains(call.id()) ? "held-out" : "tuned";
                for (String f : FIELDS) {
                    JsonNode g = f.startsWith("qa.") ? call.labels().path("qa").path(f.substring(3)) : call.labels().path(f);
                    if (g.isMissingNode()) {
                        continue;
                    }
                    String gold = g.isNull() ? null : g.isBoolean() ? String.valueOf(g.booleanValue()) : g.asString();
                    String got = f.startsWith("qa.") ? item(r, f.substring(3)) : wire(r.outcomes().bookingStatus());
                    boolean ok = Objects.equals(gold, got);
                    // the writer (training: ta..tj; written: first30 / wd), the held-out part, and all, each call once
                    for (String key : new java.util.LinkedHashSet<>(List.of(writer, part, "all"))) {
                        int[] c = byWriter.computeIfAbsent(f, k -> new TreeMap<>()).computeIfAbsent(key, k -> new int[2]);
                        c[0] += ok ? 1 : 0;
                        c[1]++;
                    }
                    if (!ok && misses) {
                        notes.add(String.format("%-30s %-26s gold=%-20s got=%-20s %s", f, call.id(), gold, got, why(r, f)));
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
            byWriter.forEach((f, m) -> {
                StringBuilder sb = new StringBuilder(String.format("%-30s", f));
                m.forEach((k, c) -> sb.append(String.format(Locale.ROOT, " %s %.3f (%d/%d)", k, c[0] / (double) c[1], c[0], c[1])));
                System.out.println(sb);
            });
            notes.forEach(System.out::println);
        }
    }

    /** The written set's writers: the first 30 calls, and the eleventh writer's {@code wd_} calls. */
    private static String writerOf(String id) {
        return id.startsWith("wd_") ? "wd" : "first30";
    }

    private static String item(AnalysisResult r, String key) {
        ItemResult item = r.scorecard() == null ? null : r.scorecard().item(key);
        return item == null || item.result() == ItemStatus.NOT_APPLICABLE ? null : String.valueOf(item.result() == ItemStatus.MET);
    }

    private static String why(AnalysisResult r, String f) {
        if (f.startsWith("qa.")) {
            ItemResult item = r.scorecard() == null ? null : r.scorecard().item(f.substring(3));
            return item == null ? "(no scorecard item)" : item.evidence().stream().map(e -> e.turn() + ": " + e.quote()).toList().toString();
        }
        return r.outcomes().evidence().stream().filter(x -> x.field().equals("booking_status"))
                .map(x -> x.rule() + (x.evidence() == null ? "" : " @" + x.evidence().turn() + ": " + x.evidence().quote()))
                .findFirst().orElse("(no rule)");
    }

    private static String wire(Object e) {
        return e == null ? null : ((Enum<?>) e).name().toLowerCase(Locale.ROOT);
    }
}
