package io.verbatim.analysis.eval;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.enrichment.Enricher;
import io.verbatim.enrichment.Enrichment;
import io.verbatim.enrichment.EnrichmentOptions;
import io.verbatim.evaluation.HeldOut;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import io.verbatim.speech.Transcript;
import tools.jackson.databind.JsonNode;

/**
 * In-process development harness for the judgments (no server): runs the real enrichment and analyst
 * on every labelled conversation of the given folders and prints per-field accuracy for the part
 * held aside (ids whose SHA-1 starts with 0-3: never read while tuning), the rest, and all, with the
 * confusions. The product's evaluation through the API is {@code scripts/bench.sh evaluate}.
 * Usage: {@code JudgmentEvaluation <folder>... [--verbose] [--only-tuned] [--by-rule] [--caseless] [--no-agent-name]} (--by-rule: accuracy of each outcome field per deciding rule;
 * --caseless: every transcript written the way speech engines write, see {@link Caseless}; --no-agent-name: the
 * metadata does not name the agent, so only the words can show that the agent introduced themselves).
 */
public final class JudgmentEvaluation {

    static final List<String> FIELDS = List.of("customer_sentiment", "sentiment_trend", "booking_status", "qualification",
            "outcome", "resolution");

    public static void main(String[] args) throws Exception {
        boolean verbose = List.of(args).contains("--verbose");
        boolean onlyTuned = List.of(args).contains("--only-tuned");
        boolean byRule = List.of(args).contains("--by-rule");
        boolean caseless = List.of(args).contains("--caseless");
        boolean nameless = List.of(args).contains("--no-agent-name");
        int w = List.of(args).indexOf("--write-rule-confidence");
        Path ruleFile = w >= 0 ? Path.of(args[w + 1]) : null;
        Map<String, Map<String, int[]>> ruleCounts = ruleFile == null ? null : new TreeMap<>();
        List<String> sets = new ArrayList<>();
        Enricher enricher = new Enricher();
        Analyst analyst = new Analyst();
        var matcher = new io.verbatim.evaluation.scoring.ActionItemMatcher(io.verbatim.evaluation.TextSimilarity.miniLm());
        for (String a : args) {
            if (a.startsWith("--") || ruleFile != null && a.equals(ruleFile.toString())) {
                continue;
            }
            sets.add(a);
            Map<String, Tally> tallies = new TreeMap<>();
            List<String> notes = new ArrayList<>();
            for (EvalCall call : EvalCall.load(Path.of(a))) {
                boolean held = HeldOut.contains(call.id());
                if (onlyTuned && held) {
                    continue;
                }
                Transcript transcript = caseless ? Caseless.of(call.transcript()) : call.transcript();
                Enrichment e = enricher.enrich(transcript, new EnrichmentOptions(transcript.language(),
                        call.attributes().agentName(), null));
                SentimentSignal s = new SentimentSignal(SentimentSignal.Polarity.valueOf(e.sentiment().customer().name()),
                        SentimentSignal.Trend.valueOf(e.sentiment().trend().name().toUpperCase(Locale.ROOT)),
                        e.sentiment().customerConfidence(), e.sentiment().trendConfidence());
                var attributes = nameless ? new io.verbatim.analysis.ConversationAttributes(call.attributes().channel(),
                        call.attributes().direction(), call.attributes().tags(), null) : call.attributes();
                AnalysisResult r = analyst.analyse(transcript, attributes, QaConfigs.defaults(), s);
                JsonNode labels = call.labels();
                Map<String, String> got = new LinkedHashMap<>();
                // the analysis' judgment (the trained judge's, else the lexicon's that came in)
                got.put("customer_sentiment", r.decision("customer_sentiment").value());
                got.put("sentiment_trend", r.decision("sentiment_trend").value());
                got.put("booking_status", wire(r.outcomes().bookingStatus()));
                got.put("qualification", wire(r.outcomes().qualification()));
                got.put("outcome", wire(r.outcomes().outcome()));
                got.put("resolution", wire(r.outcomes().resolution()));
                for (String f : FIELDS) {
                    JsonNode g = f.equals("resolution") ? labels.path("kpis").path("resolution") : labels.path(f);
                    if (g.isMissingNode()) {
                        continue;
                    }
                    String gold = g.isNull() ? null : g.asString();
                    tally(tallies, f, held, gold, got.get(f), call.id(), notes);
                    if (RULE_FIELDS.contains(f)) {
                        double c = r.judgments().stream().filter(j -> j.field().equals(f)).mapToDouble(j -> j.confidence())
                                .findFirst().orElse(Double.NaN);
                        tally(tallies, "outcome fields(confidence " + (c < 0.6 ? "< 0.6" : c < 0.8 ? "0.6-0.8" : ">= 0.8") + ")",
                                held, gold, got.get(f), call.id(), null);
                    }
                    if (ruleCounts != null && !held && RULE_FIELDS.contains(f) && got.get(f) != null) {
                        String rule = r.outcomes().evidence().stream().filter(x -> x.field().equals(f)).map(x -> x.rule())
                                .findFirst().orElse(null);
                        if (rule != null) {
                            int[] c = ruleCounts.computeIfAbsent(f, k -> new TreeMap<>()).computeIfAbsent(rule, k -> new int[2]);
                            c[0] += Objects.equals(gold, got.get(f)) ? 1 : 0;
                            c[1]++;
                        }
                    }
                    if (byRule) {
                        String rule = r.outcomes().evidence().stream().filter(x -> x.field().equals(f)).map(x -> x.rule())
                                .findFirst().orElse(got.get(f) == null ? "(not judged)" : "(no rule)");
                        tally(tallies, "rule " + f + ": " + rule, held, gold, got.get(f), call.id(), null);
                    }
                }
                JsonNode qa = labels.path("qa");
                if (!qa.isMissingNode()) {
                    for (String key : AnalysisEvaluation.QA_KEYS) {
                        JsonNode g = qa.get(key);
                        String gold = g == null || g.isNull() ? null : String.valueOf(g.booleanValue());
                        ItemResult item = r.scorecard() == null ? null : r.scorecard().item(key);
                        String p = item == null || item.result() == ItemStatus.NOT_APPLICABLE ? null
                                : String.valueOf(item.result() == ItemStatus.MET);
                        tally(tallies, "qa." + key, held, gold, p, call.id(), notes);
                        tally(tallies, "qa(all)", held, gold, p, call.id(), null);
                        double c = r.judgments().stream().filter(j -> j.field().equals("qa." + key)).mapToDouble(j -> j.confidence())
                                .findFirst().orElse(Double.NaN);
                        tally(tallies, "qa(confidence " + band(c) + ")", held, gold, p, call.id(), null);
                    }
                }
                if (labels.has("action_items")) {
                    List<io.verbatim.evaluation.scoring.ActionItemMatcher.Item> gold = new ArrayList<>();
                    labels.get("action_items").forEach(item -> gold.add(new io.verbatim.evaluation.scoring.ActionItemMatcher.Item(
                            item.path("owner").asString(""), item.path("text").asString(""))));
                    List<io.verbatim.evaluation.scoring.ActionItemMatcher.Item> items = r.actionItems().stream()
                            .map(x -> new io.verbatim.evaluation.scoring.ActionItemMatcher.Item(x.owner().name().toLowerCase(Locale.ROOT),
                                    x.text())).toList();
                    int matched = matcher.match(gold, items, new ArrayList<>());
                    Tally t = tallies.computeIfAbsent("action_items(P/R)", k -> new Tally());
                    for (Tally.Part x : List.of(t.part(held), t.all)) {
                        x.tp += matched;
                        x.pred += items.size();
                        x.gold += gold.size();
                    }
                    if (matched < Math.max(gold.size(), items.size())) {
                        notes.add(String.format("ACT %s%s gold=%s got=%s", held ? "*" : " ", call.id(), gold, items));
                    }
                }
                if (labels.has("objections")) {
                    java.util.Set<String> gold = new java.util.TreeSet<>(io.verbatim.evaluation.scoring.ObjectionMatch.keys(labels.path("objections")));
                    java.util.Set<String> pred = new java.util.TreeSet<>();
                    r.objections().forEach(o -> pred.add(io.verbatim.evaluation.scoring.ObjectionMatch.key(o.turn(), o.category().wire())));
                    int[] strict = io.verbatim.evaluation.scoring.ObjectionMatch.pairs(gold, pred);
                    int[] perCall = io.verbatim.evaluation.scoring.ObjectionMatch.perCall(gold, pred);
                    Tally t = tallies.computeIfAbsent("objections(P/R)", k -> new Tally());
                    Tally c = tallies.computeIfAbsent("objections.per_call(P/R)", k -> new Tally());
                    for (Tally.Part x : List.of(t.part(held), t.all)) {
                        x.tp += strict[0];
                        x.pred += strict[1];
                        x.gold += strict[2];
                    }
                    for (Tally.Part x : List.of(c.part(held), c.all)) {
                        x.tp += perCall[0];
                        x.pred += perCall[1];
                        x.gold += perCall[2];
                    }
                    if (!gold.equals(pred)) {
                        notes.add(String.format("OBJ %s%s gold=%s got=%s", held ? "*" : " ", call.id(), gold, pred));
                    }
                }
            }
            System.out.println("== " + a);
            tallies.forEach((f, t) -> System.out.println(t.render(f)));
            if (verbose) {
                notes.stream().sorted().forEach(System.out::println);
            }
        }
        if (ruleFile != null) {
            writeRuleConfidence(ruleFile, sets, ruleCounts);
        }
    }

    static final List<String> RULE_FIELDS = List.of("qualification", "outcome", "resolution");

    /** The deciding rules' hit counts on the tuned parts, for {@code RuleConfidence} (held-out calls never counted). */
    private static void writeRuleConfidence(Path file, List<String> sets, Map<String, Map<String, int[]>> counts) throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var root = json.createObjectNode();
        root.put("description", "How often each rule deciding an outcome field was right on the tuned (not held-out) part of the "
                + "labelled sets; RuleConfidence turns it into a confidence, shrunk towards the prior. Written by "
                + "scripts/bench.sh judgments <sets> --write-rule-confidence <file>.");
        root.putPOJO("sets", sets);
        var prior = root.putObject("prior");
        prior.put("mean", 0.75);
        prior.put("strength", 4);
        var fields = root.putObject("fields");
        counts.forEach((field, rules) -> {
            var f = fields.putObject(field);
            rules.forEach((rule, c) -> {
                var r = f.putObject(rule);
                r.put("right", c[0]);
                r.put("seen", c[1]);
            });
        });
        java.nio.file.Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        System.out.println("wrote " + file);
    }

    private static void tally(Map<String, Tally> tallies, String f, boolean held, String gold, String got, String id,
                              List<String> notes) {
        Tally t = tallies.computeIfAbsent(f, k -> new Tally());
        boolean ok = Objects.equals(gold, got);
        for (Tally.Part p : List.of(t.part(held), t.all)) {
            p.n++;
            p.ok += ok ? 1 : 0;
        }
        t.confusion.merge(gold + "->" + got, 1, Integer::sum);
        if (!ok && notes != null) {
            notes.add(String.format("%-20s %s%-28s gold=%-12s got=%s", f, held ? "*" : " ", id, gold, got));
        }
    }

    /** Confidence bands of QA item judgments: are the sure ones right more often than the doubtful ones? */
    static final double EXACT_RULES = 0.85;

    static String band(double c) {
        if (c == EXACT_RULES) {
            return "exact rules";
        }
        return c < io.verbatim.analysis.Judgment.REVIEW_BELOW ? "< 0.6 (review)" : c < 0.8 ? "0.6-0.8" : ">= 0.8";
    }

    private static String wire(Object e) {
        return e == null ? null : ((Enum<?>) e).name().toLowerCase(Locale.ROOT);
    }

    static final class Tally {
        static final class Part {
            int n;
            int ok;
            int tp;
            int pred;
            int gold;

            String acc() {
                if (pred + gold > 0) {
                    double p = pred == 0 ? 1 : tp / (double) pred;
                    double r = gold == 0 ? 1 : tp / (double) gold;
                    return String.format("P %.2f R %.2f F1 %.2f", p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
                }
                return n == 0 ? "-" : String.format("%.3f (%d/%d)", ok / (double) n, ok, n);
            }
        }

        final Part held = new Part();
        final Part tuned = new Part();
        final Part all = new Part();
        final Map<String, Integer> confusion = new TreeMap<>();

        Part part(boolean h) {
            return h ? held : tuned;
        }

        String render(String f) {
            StringBuilder sb = new StringBuilder(String.format("%-28s held-out %-22s tuned %-22s all %-22s", f, held.acc(), tuned.acc(), all.acc()));
            if (!f.startsWith("qa") && !f.startsWith("obj")) {
                sb.append(' ').append(confusion);
            }
            return sb.toString();
        }
    }
}
