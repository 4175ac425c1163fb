package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.insights.OutcomeFinder;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.speech.Speaker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tuning aid for the "no near-term intent" cue of qualification (cold): for every call with a qualification label, the
 * rule's verdict (from a {@link JudgmentDump} file) and the customer's sentence closest to the cue's examples; then which
 * threshold, turning the rule's WARM into COLD, scores best, chosen leave-one-writer-out on the first folder and measured
 * once on the others. Args: dump folder... (the first folder is the training set).
 */
public final class ColdTuning {

    record Row(String folder, String id, String gold, String rule, double cosine) {
        String writer() {
            return id.length() > 2 ? id.substring(0, 2) : id;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> rule = rules(Path.of(args[0]));
        SentenceEmbedder e = new MiniLmEmbedder();
        List<float[]> ex = e.embedAll(io.verbatim.analysis.internal.insights.IntentCues.NO_NEAR_TERM_INTENT);
        List<Row> rows = new ArrayList<>();
        for (int f = 1; f < args.length; f++) {
            for (EvalCall call : EvalCall.load(Path.of(args[f]))) {
                String gold = call.labels().path("qualification").asString(null);
                if (gold == null) {
                    continue;
                }
                ConversationText text = new ConversationText(call.transcript());
                // as the engine reads it: the customer's sentences of three words or more that are not need or price questions
                List<Sentence> ss = text.sentences().stream().filter(s -> s.speaker() == Speaker.CUSTOMER && s.wordCount() >= 3
                        && !OutcomeFinder.isLeadCue(s)).toList();
                double best = -1;
                List<float[]> v = e.embedAll(ss.stream().map(Sentence::text).toList());
                for (float[] x : v) {
                    for (float[] y : ex) {
                        best = Math.max(best, SentenceEmbedder.cosine(x, y));
                    }
                }
                rows.add(new Row(args[f], call.id(), gold.toUpperCase(Locale.ROOT),
                        rule.getOrDefault(args[f] + " " + call.id(), "null").toUpperCase(Locale.ROOT), best));
            }
        }
        List<Row> train = rows.stream().filter(r -> r.folder().equals(args[1])).toList();
        double[] grid = new double[25];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 0.40 + 0.02 * i;
        }
        System.out.printf(Locale.ROOT, "training calls with a label: %d; rule alone %.3f%n", train.size(), accuracy(train, 2));
        for (double t : grid) {
            System.out.printf(Locale.ROOT, "  t=%.2f %.3f%n", t, accuracy(train, t));
        }
        // leave one writer out: the threshold is chosen on the other writers
        int correct = 0;
        StringBuilder chosen = new StringBuilder();
        for (String w : train.stream().map(Row::writer).distinct().sorted().toList()) {
            List<Row> rest = train.stream().filter(r -> !r.writer().equals(w)).toList();
            double bestT = 2;
            double bestA = accuracy(rest, 2);
            for (double t : grid) {
                if (accuracy(rest, t) > bestA + 1e-9) {
                    bestA = accuracy(rest, t);
                    bestT = t;
                }
            }
            List<Row> held = train.stream().filter(r -> r.writer().equals(w)).toList();
            correct += (int) Math.round(accuracy(held, bestT) * held.size());
            chosen.append(String.format(Locale.ROOT, " %s:%.2f", w, bestT));
        }
        System.out.printf(Locale.ROOT, "leave-one-writer-out %.3f (rule alone %.3f); chosen%s%n", correct / (double) train.size(),
                accuracy(train, 2), chosen);
        for (int f = 2; f < args.length; f++) {
            String folder = args[f];
            List<Row> set = rows.stream().filter(r -> r.folder().equals(folder)).toList();
            System.out.printf(Locale.ROOT, "%s (%d with a label): rule alone %.3f;", folder, set.size(), accuracy(set, 2));
            for (double t : grid) {
                System.out.printf(Locale.ROOT, " %.2f:%.3f", t, accuracy(set, t));
            }
            System.out.println();
        }
        for (Row r : rows) {
            if (r.gold().equals("COLD") || r.gold().equals("WARM")) {
                System.out.printf(Locale.ROOT, "  %-10s gold %-5s rule %-5s cos %.3f%n", r.id(), r.gold(), r.rule(), r.cosine());
            }
        }
    }

    private static double accuracy(List<Row> rows, double t) {
        if (rows.isEmpty()) {
            return 0;
        }
        int ok = 0;
        for (Row r : rows) {
            String p = r.rule().equals("WARM") && r.cosine() >= t ? "COLD" : r.rule();
            ok += p.equals(r.gold()) ? 1 : 0;
        }
        return ok / (double) rows.size();
    }

    /** "folder id" -> the qualification of the dump's "gold" line for that call. */
    private static Map<String, String> rules(Path dump) throws Exception {
        Map<String, String> out = new HashMap<>();
        Pattern q = Pattern.compile("qualification=([A-Z_a-z]+)");
        for (String line : Files.readAllLines(dump)) {
            String[] head = line.split("\t", 2)[0].split(" ");
            if (head.length == 3 && head[2].equals("gold")) {
                Matcher m = q.matcher(line);
                out.put(head[0] + " " + head[1], m.find() ? m.group(1) : "null");
            }
        }
        return out;
    }
}
