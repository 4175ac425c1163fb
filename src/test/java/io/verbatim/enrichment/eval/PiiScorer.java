package io.verbatim.enrichment.eval;

import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.PiiType;
import io.verbatim.speech.Transcript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Scores one conversation's PII finds against its labels with the rule of {@link EnrichmentEvaluation}: a
 * find matches a gold mention in the same turn, of the same type, whose characters overlap; each matches at
 * most once, greedily in gold order. {@code pii_types} (when present) limits scoring to those types, finds of
 * other types being ignored; {@code pii_turns} (when present) limits it to those turns. A gold text that
 * occurs more than once in a turn is placed at its first occurrence not already taken by another gold mention
 * of that turn, so repeated mentions get their own spans.
 */
final class PiiScorer {

    /**
     * @param covered per type, gold mentions overlapped by some find of their type in their turn, one find
     *                may cover several (a find "patricia brown" covers gold "patricia" and gold "brown"; the
     *                one-to-one rule counts one hit and one miss). What redaction cares about.
     * @param caller  covered and total gold mentions of a word of the customer's name from the metadata
     * @param tokens  per type, word tokens (runs of letters or digits) counted as in Presidio-research: a token is a
     *                true positive when a gold mention and a find of that type both overlap it, whatever the spans'
     *                boundaries; so "patricia brown" found as one span scores two hits against two gold mentions
     */
    record Scored(Map<PiiType, EnrichmentEvaluation.Counts> counts, Map<PiiType, Integer> covered, int[] caller, List<String> errors,
                  Map<PiiType, EnrichmentEvaluation.Counts> tokens) {
    }

    private PiiScorer() {
    }

    static Scored score(Transcript transcript, JsonNode labels, List<PiiEntity> found, Set<String> callerWords) {
        Set<PiiType> types = new HashSet<>(List.of(PiiType.values()));
        if (labels.has("pii_types")) {
            types.clear();
            labels.get("pii_types").forEach(t -> types.add(PiiType.valueOf(t.asString())));
        }
        Set<Integer> turns = null;
        if (labels.has("pii_turns")) {
            Set<Integer> listed = new HashSet<>();
            labels.get("pii_turns").forEach(t -> listed.add(t.asInt()));
            turns = listed;
        }
        Map<PiiType, EnrichmentEvaluation.Counts> counts = new EnumMap<>(PiiType.class);
        types.forEach(t -> counts.put(t, new EnrichmentEvaluation.Counts(0, 0, 0)));
        List<String> errors = new ArrayList<>();
        List<PiiEntity> scored = new ArrayList<>();
        for (PiiEntity f : found) {
            if (types.contains(f.type()) && (turns == null || turns.contains(f.turn()))) {
                scored.add(f);
            }
        }
        boolean[] used = new boolean[scored.size()];
        Map<Integer, List<int[]>> placed = new HashMap<>();
        Map<PiiType, Integer> covered = new EnumMap<>(PiiType.class);
        int[] caller = new int[2];
        List<Span> gold = new ArrayList<>();
        for (JsonNode g : labels.get("pii")) {
            PiiType type = PiiType.valueOf(g.get("type").asString());
            int turn = g.get("turn").asInt();
            if (!types.contains(type) || (turns != null && !turns.contains(turn))) {
                continue;
            }
            String text = g.get("text").asString();
            String turnText = transcript.turns().get(turn).text();
            List<int[]> taken = placed.computeIfAbsent(turn, t -> new ArrayList<>());
            int gs = -1;
            for (int at = turnText.indexOf(text); at >= 0 && gs < 0; at = turnText.indexOf(text, at + 1)) {
                int from = at;
                if (taken.stream().noneMatch(r -> r[0] < from + text.length() && from < r[1])) {
                    gs = at;
                }
            }
            if (gs < 0) {
                gs = turnText.indexOf(text);
            }
            taken.add(new int[] {gs, gs + text.length()});
            gold.add(new Span(turn, gs, gs + text.length(), type));
            int ge = gs + text.length();
            int start = gs;
            boolean isCovered = scored.stream().anyMatch(f -> f.turn() == turn && f.type() == type && f.startChar() < ge && start < f.endChar());
            covered.merge(type, isCovered ? 1 : 0, Integer::sum);
            if (callerWords.contains(text.toLowerCase(java.util.Locale.ROOT))) {
                caller[0] += isCovered ? 1 : 0;
                caller[1]++;
            }
            int hit = -1;
            for (int k = 0; k < scored.size() && hit < 0; k++) {
                PiiEntity f = scored.get(k);
                if (!used[k] && f.turn() == turn && f.type() == type && f.startChar() < ge && gs < f.endChar()) {
                    hit = k;
                }
            }
            if (hit >= 0) {
                used[hit] = true;
                counts.merge(type, new EnrichmentEvaluation.Counts(1, 0, 0), EnrichmentEvaluation.Counts::plus);
            } else {
                counts.merge(type, new EnrichmentEvaluation.Counts(0, 0, 1), EnrichmentEvaluation.Counts::plus);
                errors.add("miss  t" + turn + " " + type + " '" + text + "'   | " + turnText);
            }
        }
        for (int k = 0; k < scored.size(); k++) {
            if (!used[k]) {
                PiiEntity f = scored.get(k);
                counts.merge(f.type(), new EnrichmentEvaluation.Counts(0, 1, 0), EnrichmentEvaluation.Counts::plus);
                errors.add("extra t" + f.turn() + " " + f.type() + " '" + f.text() + "' (" + f.rule() + ")   | "
                        + transcript.turns().get(f.turn()).text());
            }
        }
        List<Span> finds = scored.stream().map(f -> new Span(f.turn(), f.startChar(), f.endChar(), f.type())).toList();
        return new Scored(counts, covered, caller, errors, tokens(transcript, types, gold, finds));
    }

    private record Span(int turn, int start, int end, PiiType type) {
    }

    /** Token-level counts per type over the turns that hold a gold mention or a find. */
    private static Map<PiiType, EnrichmentEvaluation.Counts> tokens(Transcript transcript, Set<PiiType> types, List<Span> gold, List<Span> finds) {
        Map<PiiType, EnrichmentEvaluation.Counts> out = new EnumMap<>(PiiType.class);
        types.forEach(t -> out.put(t, new EnrichmentEvaluation.Counts(0, 0, 0)));
        Set<Integer> turns = new java.util.TreeSet<>();
        gold.forEach(g -> turns.add(g.turn()));
        finds.forEach(f -> turns.add(f.turn()));
        for (int turn : turns) {
            String text = transcript.turns().get(turn).text();
            int k = 0;
            while (k < text.length()) {
                if (!Character.isLetterOrDigit(text.charAt(k))) {
                    k++;
                    continue;
                }
                int start = k;
                while (k < text.length() && Character.isLetterOrDigit(text.charAt(k))) {
                    k++;
                }
                int end = k;
                for (PiiType type : types) {
                    boolean g = gold.stream().anyMatch(s -> s.turn() == turn && s.type() == type && s.start() < end && start < s.end());
                    boolean f = finds.stream().anyMatch(s -> s.turn() == turn && s.type() == type && s.start() < end && start < s.end());
                    if (g || f) {
                        out.merge(type, new EnrichmentEvaluation.Counts(g && f ? 1 : 0, f && !g ? 1 : 0, g && !f ? 1 : 0),
                                EnrichmentEvaluation.Counts::plus);
                    }
                }
            }
        }
        return out;
    }
}
