package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.reasons.ReasonClassifier;
import io.verbatim.analysis.internal.reasons.ReasonClassifier.Params;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How {@link Params#DEFAULTS} were chosen, on the tuned calls only (never the held-out ones). Calls are grouped
 * by domain; every domain's keys-only taxonomy runs on every call: a call whose gold reason is a key must get it,
 * a call of another domain must get "other". A grid over the window and weights is scored by leave-one-domain-out
 * cross-validation of the threshold: the threshold that maximises the objective (right reasons on in-taxonomy
 * calls weighted 0.7, "other" on foreign calls 0.3) over the other domains is applied to the left-out one.
 * Usage: {@code CallReasonTuning <folder>...}.
 */
public final class CallReasonTuning {

    private static final double[] THRESHOLDS = thresholds();
    /** Weight of in-taxonomy accuracy against "other" accuracy in the objective: a tenant writes its taxonomy to cover most of its calls. */
    private static final double PRIOR_IN = Double.parseDouble(System.getProperty("prior.in", "0.7"));
    /** A top reason with at least this share of its key words in the opening is never "other" (2 = off). */
    private static final double RESCUE = Double.parseDouble(System.getProperty("rescue", "2"));

    /** One call under one taxonomy: the expected key ("other" when its gold is not in the taxonomy), the top key and score. */
    private record Outcome(String id, String expected, String top, double score, double lexical) {
    }

    public static void main(String[] args) {
        // Tuned calls only, grouped into units of one domain each (a MultiDoGO domain, Harper Valley's two transcripts).
        Map<String, List<EvalCall>> units = new java.util.TreeMap<>();
        for (String a : args) {
            ReasonSet s = ReasonSet.load(Path.of(a));
            s.calls().stream().filter(c -> !ReasonSet.heldOut(c.id()))
                    .forEach(c -> units.computeIfAbsent(unit(s.name(), c.id()), u -> new ArrayList<>()).add(c));
        }
        Map<EvalCall, ConversationText> texts = new HashMap<>();
        units.values().forEach(l -> l.forEach(c -> texts.put(c, new ConversationText(c.transcript()))));
        SentenceEmbedder embedder = memo(new MiniLmEmbedder());
        double bestObjective = -1;
        for (int ct : grid("ct", 2, 3, 4, 5)) {
            for (int at : grid("at", 0, 2, 3)) {
                for (double aw : at == 0 ? new double[] {1} : gridD("aw", 0.8, 1.0)) {
                    for (double decay : gridD("decay", 0, 0.03, 0.06, 0.1)) {
                        for (double lw : gridD("lw", 0, 0.1, 0.2, 0.3, 0.4)) {
                          for (double jw : gridD("jw", 0, 0.9, 1.0)) {
                            Params p = new Params(ct, at, aw, decay, lw, jw, Double.NEGATIVE_INFINITY);
                            Map<String, List<Outcome>> byTaxonomy = outcomes(units, texts, new ReasonClassifier(embedder, p));
                            double[] cv = crossValidate(byTaxonomy, false);
                            if (cv[0] > bestObjective - 0.002) {
                                bestObjective = Math.max(bestObjective, cv[0]);
                                System.out.printf("%s -> leave-one-domain-out objective %.3f, threshold on all %.2f%n", p, cv[0], cv[1]);
                                crossValidate(byTaxonomy, true);
                            }
                          }
                        }
                    }
                }
            }
        }
    }

    static String unit(String set, String id) {
        if (id.startsWith("mdg_")) {
            return id.split("_")[1];
        }
        return set.startsWith("harper_valley") ? "harper_valley" : set;
    }

    /**
     * Calls of another domain are the ones that must be "other". Banking sets (Harper Valley, MultiDoGO finance) name
     * the same requests differently (replace_card / report_lost_card), so they are not each other's negatives; the
     * mixed calls folder holds bank calls too.
     */
    static boolean negative(String taxonomyUnit, String callUnit) {
        boolean bankTaxonomy = bank(taxonomyUnit);
        if (callUnit.equals("calls")) {
            return !bankTaxonomy && !taxonomyUnit.equals("insurance");
        }
        return !taxonomyUnit.equals(callUnit) && !(bankTaxonomy && bank(callUnit));
    }

    private static boolean bank(String unit) {
        return unit.equals("harper_valley") || unit.equals("finance");
    }

    /** A grid axis, overridable with -Dgrid.NAME=1,2,3 to look closer around a choice. */
    private static int[] grid(String name, int... values) {
        String v = System.getProperty("grid." + name);
        return v == null ? values : java.util.Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] gridD(String name, double... values) {
        String v = System.getProperty("grid." + name);
        return v == null ? values : java.util.Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static Map<String, List<Outcome>> outcomes(Map<String, List<EvalCall>> units, Map<EvalCall, ConversationText> texts,
                                                       ReasonClassifier classifier) {
        Map<String, List<Outcome>> out = new HashMap<>();
        for (String t : units.keySet()) {
            java.util.Set<String> keys = new java.util.TreeSet<>(units.get(t).stream().map(ReasonSet::gold).toList());
            if (t.equals("calls")) {
                continue;
            }
            List<io.verbatim.analysis.CallReasonDefinition> taxonomy = keys.stream()
                    .map(k -> new io.verbatim.analysis.CallReasonDefinition(k, null, List.of())).toList();
            List<Outcome> list = new ArrayList<>();
            for (Map.Entry<String, List<EvalCall>> u : units.entrySet()) {
                for (EvalCall c : u.getValue()) {
                    String gold = ReasonSet.gold(c);
                    String expected = keys.contains(gold) ? gold : negative(t, u.getKey()) ? ReasonClassifier.OTHER : null;
                    if (expected != null) {
                        ReasonClassifier.Scored top = classifier.score(texts.get(c), taxonomy).get(0);
                        list.add(new Outcome(c.id(), expected, top.key(), top.score(), top.lexical()));
                    }
                }
            }
            out.put(t, list);
        }
        return out;
    }

    /** [mean left-out balanced accuracy, threshold chosen on all sets]; prints per set when asked. */
    private static double[] crossValidate(Map<String, List<Outcome>> byTaxonomy, boolean print) {
        double sum = 0;
        for (String left : byTaxonomy.keySet()) {
            double th = bestThreshold(byTaxonomy, left);
            double[] b = balanced(byTaxonomy.get(left), th);
            sum += b[0];
            if (print && Boolean.getBoolean("dump")) {
                byTaxonomy.get(left).stream().filter(o -> (o.score() >= th) == o.expected().equals(ReasonClassifier.OTHER)
                                || (o.score() >= th && !o.top().equals(o.expected())))
                        .forEach(o -> System.out.printf("      %s %s -> %s %.2f%n", o.id(), o.expected(), o.top(), o.score()));
            }
            if (print && Boolean.getBoolean("quantiles")) {
                System.out.printf("      %s negatives %s%n      %s right     %s%n", left,
                        quantiles(byTaxonomy.get(left).stream().filter(o -> o.expected().equals(ReasonClassifier.OTHER))),
                        left, quantiles(byTaxonomy.get(left).stream()
                                .filter(o -> !o.expected().equals(ReasonClassifier.OTHER) && o.top().equals(o.expected()))));
            }
            if (print) {
                System.out.printf("    %-18s threshold %.2f (from the others): in-taxonomy %.3f, other %.3f, objective %.3f;"
                        + " no threshold: in-taxonomy %.3f%n", left, th, b[1], b[2], b[0],
                        balanced(byTaxonomy.get(left), Double.NEGATIVE_INFINITY)[1]);
            }
        }
        return new double[] {sum / byTaxonomy.size(), bestThreshold(byTaxonomy, null)};
    }

    private static String quantiles(java.util.stream.Stream<Outcome> outcomes) {
        double[] v = outcomes.mapToDouble(Outcome::score).sorted().toArray();
        if (v.length == 0) {
            return "-";
        }
        StringBuilder sb = new StringBuilder("n=" + v.length);
        for (double q : new double[] {0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1}) {
            sb.append(String.format(" %.2f", v[(int) Math.min(v.length - 1, Math.floor(q * v.length))]));
        }
        return sb.toString();
    }

    private static double bestThreshold(Map<String, List<Outcome>> byTaxonomy, String except) {
        double best = -1;
        double bestTh = 0;
        for (double th : THRESHOLDS) {
            double sum = 0;
            for (Map.Entry<String, List<Outcome>> e : byTaxonomy.entrySet()) {
                if (!e.getKey().equals(except)) {
                    sum += balanced(e.getValue(), th)[0];
                }
            }
            if (sum > best) {
                best = sum;
                bestTh = th;
            }
        }
        return bestTh;
    }

    /** [balanced, accuracy on in-taxonomy calls, accuracy on the rest] at a threshold. */
    private static double[] balanced(List<Outcome> outcomes, double th) {
        int[] pos = new int[2];
        int[] neg = new int[2];
        for (Outcome o : outcomes) {
            boolean rescued = o.lexical() >= RESCUE;
            String got = o.score() < th && !rescued ? ReasonClassifier.OTHER : o.top();
            int[] b = o.expected().equals(ReasonClassifier.OTHER) ? neg : pos;
            b[1]++;
            b[0] += got.equals(o.expected()) ? 1 : 0;
        }
        double p = pos[1] == 0 ? 1 : (double) pos[0] / pos[1];
        double n = neg[1] == 0 ? 1 : (double) neg[0] / neg[1];
        return new double[] {PRIOR_IN * p + (1 - PRIOR_IN) * n, p, n};
    }

    private static double[] thresholds() {
        double[] out = new double[61];
        for (int i = 0; i < out.length; i++) {
            out[i] = 0.2 + i * 0.01;
        }
        return out;
    }

    /** Every text embedded once for the whole grid. */
    private static SentenceEmbedder memo(SentenceEmbedder inner) {
        Map<String, float[]> cache = new ConcurrentHashMap<>();
        return new SentenceEmbedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
                List<float[]> fresh = inner.embedAll(missing);
                for (int i = 0; i < missing.size(); i++) {
                    cache.put(missing.get(i), fresh.get(i));
                }
                return texts.stream().map(cache::get).toList();
            }
        };
    }
}
