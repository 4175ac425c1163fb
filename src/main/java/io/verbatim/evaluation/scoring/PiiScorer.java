package io.verbatim.evaluation.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * PII spans: a prediction matches a gold span of the same turn and type whose characters it overlaps
 * (one to one). {@code pii_types} limits scoring to those types (predictions of others are ignored),
 * {@code pii_turns} to those turns. Gold spans carry only their text, so both sides are placed in the
 * turn text: the n-th mention of the same text in a turn is its n-th occurrence there.
 */
final class PiiScorer {

    record Span(int turn, String type, int start, int end) {
        boolean overlaps(Span o) {
            return turn == o.turn && type.equals(o.type) && start < o.end && o.start < end;
        }
    }

    /** Per type: {true positives, predicted, gold}. */
    final Map<String, int[]> counts = new TreeMap<>();

    void add(JsonNode labels, List<String> turnTexts, JsonNode predictedPii) {
        Set<String> types = strings(labels.get("pii_types"));
        Set<Integer> turns = labels.has("pii_turns") && labels.get("pii_turns").isArray() ? new HashSet<>() : null;
        if (turns != null) {
            labels.get("pii_turns").forEach(t -> turns.add(t.asInt()));
        }
        List<Span> gold = place(labels.path("pii"), turnTexts, types, turns, false);
        List<Span> predicted = place(predictedPii, turnTexts, types, turns, true);
        Set<Integer> usedGold = new HashSet<>();
        for (Span p : predicted) {
            counts.computeIfAbsent(p.type(), k -> new int[3])[1]++;
            for (int g = 0; g < gold.size(); g++) {
                if (!usedGold.contains(g) && gold.get(g).overlaps(p)) {
                    usedGold.add(g);
                    counts.get(p.type())[0]++;
                    break;
                }
            }
        }
        gold.forEach(g -> counts.computeIfAbsent(g.type(), k -> new int[3])[2]++);
        if (types != null) {
            types.forEach(t -> counts.computeIfAbsent(t, k -> new int[3]));
        }
    }

    private static List<Span> place(JsonNode entries, List<String> turnTexts, Set<String> types, Set<Integer> turns,
                                     boolean predicted) {
        List<Span> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        if (entries == null || !entries.isArray()) {
            return out;
        }
        for (JsonNode e : entries) {
            int turn = e.path("turn").asInt(-1);
            String type = e.path("type").asString("");
            String text = e.path("text").asString("");
            if (types != null && !types.contains(type) || turns != null && !turns.contains(turn)) {
                continue;
            }
            int start;
            if (predicted && e.path("start_char").isNumber()) {
                start = e.get("start_char").asInt();
                int end = e.path("end_char").isNumber() ? e.get("end_char").asInt() : start + text.length();
                out.add(new Span(turn, type, start, end));
                continue;
            }
            String turnText = turn >= 0 && turn < turnTexts.size() ? turnTexts.get(turn) : "";
            int nth = seen.merge(turn + "\u0000" + type + "\u0000" + text, 1, Integer::sum);
            start = nthIndexOf(turnText, text, nth);
            if (start < 0) {
                start = nthIndexOf(turnText.toLowerCase(java.util.Locale.ROOT), text.toLowerCase(java.util.Locale.ROOT), 1);
            }
            // a text not found in its turn still counts, as an empty span that overlaps nothing
            out.add(start < 0 ? new Span(turn, type, 0, 0) : new Span(turn, type, start, start + text.length()));
        }
        return out;
    }

    private static int nthIndexOf(String haystack, String needle, int nth) {
        if (needle.isEmpty()) {
            return -1;
        }
        int from = 0;
        int at = -1;
        for (int i = 0; i < nth; i++) {
            at = haystack.indexOf(needle, from);
            if (at < 0) {
                return i == 0 ? -1 : haystack.indexOf(needle); // fewer occurrences than mentions: the first one
            }
            from = at + 1;
        }
        return at;
    }

    private static Set<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        Set<String> out = new HashSet<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }
}
