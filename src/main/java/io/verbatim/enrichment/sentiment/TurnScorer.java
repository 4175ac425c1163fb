package io.verbatim.enrichment.sentiment;

import io.verbatim.enrichment.SentimentReport.Cue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Finds the cues of one turn. Longer phrases win over the words inside them ("super helpful" over
 * "helpful"); a negator up to three words before a negatable cue flips and dampens it ("not thrilled");
 * an intensifier just before strengthens it; in a turn with "but", what comes after the last "but" counts
 * more than what comes before; a cue inside a question counts half (asking is not feeling); a positive
 * word opening a turn that also complains ("Oh great, ...") reads as sarcasm.
 */
final class TurnScorer {

    List<Cue> cues(String text, List<Lexicon.Entry> lexicon) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Cue> raw = new ArrayList<>();
        List<Lexicon.Entry> entries = new ArrayList<>();
        for (Lexicon.Entry e : lexicon) {
            Matcher m = e.pattern().matcher(lower);
            while (m.find()) {
                if (m.end() > m.start()) {
                    raw.add(new Cue(e.category() + ":" + e.phrase(), m.start(), m.end(), e.weight()));
                    entries.add(e);
                }
            }
        }
        // longest first, then keep non-overlapping
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> raw.get(i).endChar() - raw.get(i).startChar()).reversed()
                .thenComparingInt(i -> raw.get(i).startChar()));
        List<Cue> kept = new ArrayList<>();
        List<Lexicon.Entry> keptEntries = new ArrayList<>();
        for (int i : order) {
            Cue c = raw.get(i);
            if (kept.stream().noneMatch(k -> k.startChar() < c.endChar() && c.startChar() < k.endChar())) {
                kept.add(c);
                keptEntries.add(entries.get(i));
            }
        }
        int contrast = lastContrast(lower);
        boolean complaint = kept.stream().anyMatch(c -> c.weight() < -0.3);
        List<Cue> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Cue c = kept.get(i);
            Lexicon.Entry e = keptEntries.get(i);
            double w = c.weight();
            String name = c.cue();
            String before = clauseBefore(lower, c.startChar());
            if (e.negatable() && negated(before)) {
                w = w > 0 ? -0.8 * w : -0.4 * w;
                name = "negated:" + name;
            } else if (Lexicon.INTENSIFIER.matcher(before).find()) {
                w *= 1.4;
                name = "intensified:" + name;
            }
            if (w > 0 && complaint && c.startChar() < 12 && lower.substring(0, c.startChar()).matches("\\W*(?:oh,?\\s*)?")
                    && !e.category().equals("politeness")) {
                w = -w;
                name = "sarcasm:" + name;
            }
            if (contrast >= 0) {
                w *= c.startChar() < contrast ? 0.6 : 1.2;
            }
            if (w > 0 && inQuestion(lower, c.endChar())) {
                w *= 0.5;
            }
            out.add(new Cue(name, c.startChar(), c.endChar(), Math.round(w * 1000) / 1000.0));
        }
        out.sort(Comparator.comparingInt(Cue::startChar));
        return out;
    }

    /** The turn's score: the cues' sum squashed into -1..1. */
    static double squash(List<Cue> cues) {
        double sum = 0;
        for (Cue c : cues) {
            sum += c.weight();
        }
        return Math.tanh(sum);
    }

    /** Up to three words before a position, within its clause. */
    private static String clauseBefore(String lower, int position) {
        String head = lower.substring(0, position);
        int cut = Math.max(Math.max(head.lastIndexOf('.'), head.lastIndexOf(',')), Math.max(head.lastIndexOf('?'), head.lastIndexOf('!')));
        head = head.substring(cut + 1);
        String[] words = head.trim().split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, words.length - 3); i < words.length; i++) {
            sb.append(words[i]).append(' ');
        }
        return sb.toString().trim();
    }

    private static boolean negated(String before) {
        return Lexicon.NEGATOR.matcher(before).find();
    }

    private static int lastContrast(String lower) {
        Matcher m = Lexicon.CONTRAST.matcher(lower);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    /** The sentence holding the position ends with a question mark. */
    private static boolean inQuestion(String lower, int position) {
        for (int i = position; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (ch == '?') {
                return true;
            }
            if (ch == '.' || ch == '!') {
                return false;
            }
        }
        return false;
    }
}
