package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.analysis.internal.learned.SpeakerRoles;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.speech.Speaker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/bench.sh train-roles [--write] TRAIN [OTHER...]}: trains {@link SpeakerRoles}' classifier (is a side of a
 * conversation the agent or the customer, from the mean of its sentence vectors) on the calls of TRAIN, two examples per
 * call, the L2 penalty chosen by leave-one-writer-out; prints for each margin how often a correctly labelled call is left
 * alone and a call presented the wrong way round is swapped, out of writer on TRAIN and on every OTHER folder (never
 * trained on). Both presentations of a call come from its one pair of side vectors: presented inverted, its lead is the
 * negative of the correct one.
 */
public final class RoleTraining {

    private static final double[] MARGINS = {0, 0.1, 0.2, 0.3, 0.5};

    record Call(String id, String set, double[] agent, double[] customer) {
    }

    public static void main(String[] args) throws Exception {
        boolean write = List.of(args).contains("--write");
        List<String> folders = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        List<List<Call>> sets = new ArrayList<>();
        for (String folder : folders) {
            List<Call> calls = new ArrayList<>();
            for (EvalCall call : EvalCall.load(Path.of(folder))) {
                if (!call.transcript().language().toLowerCase(Locale.ROOT).startsWith("en")) {
                    continue;
                }
                ConversationText text = new ConversationText(call.transcript());
                boolean both = text.sentences().stream().anyMatch(s -> s.speaker() == Speaker.AGENT)
                        && text.sentences().stream().anyMatch(s -> s.speaker() == Speaker.CUSTOMER);
                if (!both) {
                    continue;
                }
                RuleEvaluator rules = new RuleEvaluator(text, call.attributes(), io.verbatim.analysis.QaConfigs.defaults().conditions(), embedder);
                calls.add(new Call(call.id(), folder, SpeakerRoles.side(text, rules, Speaker.AGENT), SpeakerRoles.side(text, rules, Speaker.CUSTOMER)));
            }
            System.out.printf("%s: %d calls with both sides%n", folder, calls.size());
            sets.add(calls);
        }
        List<Call> train = sets.getFirst();
        List<String> writers = train.stream().map(c -> TrainAnalyst.writer(c.id())).distinct().sorted().toList();
        double bestL2 = 0;
        double bestAccuracy = -1;
        double[] outOfWriter = null;
        for (double l2 : TrainAnalyst.L2) {
            double[] lead = new double[train.size()];
            for (String w : writers) {
                List<Call> rest = train.stream().filter(c -> !TrainAnalyst.writer(c.id()).equals(w)).toList();
                LinearModel m = fit(rest, l2);
                for (int i = 0; i < train.size(); i++) {
                    if (TrainAnalyst.writer(train.get(i).id()).equals(w)) {
                        lead[i] = lead(m, train.get(i));
                    }
                }
            }
            double accuracy = java.util.Arrays.stream(lead).filter(x -> x > 0).count() / (double) lead.length;
            System.out.printf(Locale.ROOT, "L2 %.2f: leave-one-writer-out, the agent side the more agent-like in %.3f of %d calls%n", l2, accuracy, lead.length);
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                bestL2 = l2;
                outOfWriter = lead;
            }
        }
        System.out.printf(Locale.ROOT, "chosen L2 %.2f; out of writer on %s:%n", bestL2, folders.getFirst());
        margins(outOfWriter);
        LinearModel model = fit(train, bestL2);
        for (int s = 1; s < sets.size(); s++) {
            double[] lead = sets.get(s).stream().mapToDouble(c -> lead(model, c)).toArray();
            System.out.printf("%s (not trained on):%n", folders.get(s));
            margins(lead);
        }
        if (write) {
            ModelWriter.write(Path.of("src/main/resources/analysis/models"), model, List.of(folders.getFirst()), train.size() * 2,
                    "scripts/bench.sh train-roles --write " + folders.getFirst());
            System.out.println("wrote src/main/resources/analysis/models/speaker-roles.json");
        }
        System.exit(0);
    }

    private static void margins(double[] lead) {
        for (double m : MARGINS) {
            long kept = java.util.Arrays.stream(lead).filter(x -> x >= -m).count();
            long fixed = java.util.Arrays.stream(lead).filter(x -> x > m).count();
            System.out.printf(Locale.ROOT, "  margin %.1f: labelled right, left alone %d/%d (%.3f); presented inverted, swapped %d/%d (%.3f)%n", m, kept,
                    lead.length, kept / (double) lead.length, fixed, lead.length, fixed / (double) lead.length);
        }
    }

    private static double lead(LinearModel m, Call c) {
        return m.probabilities(c.agent())[0] - m.probabilities(c.customer())[0];
    }

    private static LinearModel fit(List<Call> calls, double l2) {
        double[][] x = new double[calls.size() * 2][];
        double[][] y = new double[calls.size() * 2][];
        for (int i = 0; i < calls.size(); i++) {
            x[2 * i] = calls.get(i).agent();
            y[2 * i] = new double[] {1, 0};
            x[2 * i + 1] = calls.get(i).customer();
            y[2 * i + 1] = new double[] {0, 1};
        }
        return Logistic.train("speaker-roles", SpeakerRoles.FEATURES, SpeakerRoles.CLASSES, x, y, l2, false, false, null);
    }
}
