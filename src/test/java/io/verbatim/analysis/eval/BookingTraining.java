package io.verbatim.analysis.eval;

import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.eval.TrainAnalyst.Example;
import io.verbatim.analysis.internal.learned.LearnedBooking;
import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * The booking classifier, judged as the product uses it: its verdict goes through the same line rules as the
 * dialogue-act judge's (no booking on support lines or field visits, on walk-ins only a booking made), and it
 * is printed next to the rules' final answer on the same calls, out of fold. It does not ship (see {@link #train}).
 */
final class BookingTraining {

    record Call(Example example, ConversationAttributes attributes, String ruleSaid) {
    }

    static boolean ships;

    private BookingTraining() {
    }

    static LinearModel train(List<Call> calls) {
        List<Example> data = calls.stream().map(Call::example).toList();
        int[] fold = TrainAnalyst.folds(data);
        int rulesRight = 0;
        for (Call c : calls) {
            rulesRight += gate(c.ruleSaid(), c.attributes()).equals(gold(c)) ? 1 : 0;
        }
        double rules = (double) rulesRight / calls.size();
        double best = -1;
        double bestL2 = TrainAnalyst.L2[0];
        for (double l2 : TrainAnalyst.L2) {
            int right = 0;
            for (int f = 0; f < TrainAnalyst.FOLDS; f++) {
                List<Example> train = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    if (fold[i] != f) {
                        train.add(data.get(i));
                    }
                }
                LinearModel m = Logistic.train("booking-status", LearnedBooking.FEATURES, LearnedBooking.CLASSES,
                        TrainAnalyst.xs(train), TrainAnalyst.ys(train), l2, false, false, null);
                for (int i = 0; i < data.size(); i++) {
                    if (fold[i] == f) {
                        String said = LearnedBooking.CLASSES.get(LinearModel.argmax(m.probabilities(data.get(i).x())));
                        right += gate(said, calls.get(i).attributes()).equals(gold(calls.get(i))) ? 1 : 0;
                    }
                }
            }
            double accuracy = (double) right / data.size();
            System.out.printf("booking-status l2=%.3f cross-validated accuracy after the line rules %.3f%n", l2, accuracy);
            if (accuracy > best) {
                best = accuracy;
                bestL2 = l2;
            }
        }
        // 6 December 2026, 360 calls by 10 writers: trained 0.836 vs rules 0.803 out of fold, but on the Schema-Guided
        // Dialogue appointments it fell to 0.655 (rules 0.963) and on the written calls to 0.900 (rules 0.967): it
        // learned our writers' booking talk, not booking. The rules stay until a model wins on other people's data too.
        ships = false;
        System.out.printf("booking-status: the rules %.3f, trained %.3f at l2=%.3f (both after the line rules, %d calls): %s%n", rules,
                best, bestL2, calls.size(), ships ? "SHIPS" : "rules stay");
        return Logistic.train("booking-status", LearnedBooking.FEATURES, LearnedBooking.CLASSES, TrainAnalyst.xs(data),
                TrainAnalyst.ys(data), bestL2, false, false, null);
    }

    private static String gold(Call c) {
        return LearnedBooking.CLASSES.get(LinearModel.argmax(c.example().y()));
    }

    /** OutcomeFinder's line rules. */
    static String gate(String said, ConversationAttributes a) {
        boolean fieldVisit = a.channel() == Channel.FIELD_VISIT;
        boolean walkIn = a.direction() == Direction.IN_PERSON && !fieldVisit;
        if (fieldVisit || a.tags().contains("support") || walkIn && !said.equals("booked")) {
            return "null";
        }
        return said;
    }
}
