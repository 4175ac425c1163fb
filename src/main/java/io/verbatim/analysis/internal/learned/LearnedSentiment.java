package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.internal.acts.DialogueActs;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The customer's sentiment and its trend from trained classifiers over what the customer said (the meaning
 * of their sentences, the end weighing on its own) and the lexicon's verdict, instead of lexicon thresholds
 * alone: customers rarely name their feelings, and the lexicon missed the curt, resigned or relieved ones.
 * Falls back to the lexicon's signal where no model ships, the conversation is not English or the customer
 * said nothing.
 */
public final class LearnedSentiment {

    public static final String OVERALL_FEATURES = "sentiment-v2: customer mean, customer last-third mean, agent mean, lexicon label";
    public static final String TREND_FEATURES = "trend-v4: sentiment model on the first and last thirds, their difference, lexicon trend,"
            + " VADER per sentence (customer mean, last minus first third, min, max, last two, first third, last third;"
            + " agent last minus first third, first third, last third)";
    private static final Optional<LinearModel> OVERALL = LinearModel.load("customer-sentiment", OVERALL_FEATURES);
    private static final Optional<LinearModel> TREND = LinearModel.load("sentiment-trend", TREND_FEATURES);
    public static final String STAGE2_FEATURES = "sentiment-v3: log of sentiment-v2's probabilities (out of writer in training),"
            + " nearest labelled customer turns (K 10, pooled toward the end; last two turns), dialogue outcome (23 rule features)";
    private static final Optional<LinearModel> STAGE2 = LinearModel.load("customer-sentiment-stage2", STAGE2_FEATURES);

    private LearnedSentiment() {
    }

    public static boolean available() {
        return OVERALL.isPresent();
    }

    /**
     * @param acts the conversation's dialogue acts, shared with the booking judgment (the second stage reads the
     *             dialogue's outcome from them)
     */
    public static SentimentSignal judge(ConversationText text, RuleEvaluator rules, ConversationAttributes attributes,
            List<DialogueActs.Tag> acts, SentimentSignal lexicon) {
        if (OVERALL.isEmpty() || rules.embedder() == null || !text.isLanguage("en") || lexicon == null) {
            return lexicon;
        }
        List<Sentence> customer = customer(text);
        if (customer.isEmpty()) {
            return lexicon;
        }
        List<Sentence> agent = agent(text);
        double[] p = OVERALL.get().probabilities(overallFeatures(rules, customer, agent, lexicon));
        if (STAGE2.isPresent() && SentimentNeighbours.shipped().isPresent()) {
            p = STAGE2.get().probabilities(secondStageFeatures(p, SentimentNeighbours.shipped().get().features(text, rules),
                    DialogueOutcome.features(text, rules, attributes, acts)));
        }
        int best = LinearModel.argmax(p);
        SentimentSignal.Polarity overall = SentimentSignal.Polarity.of(OVERALL.get().classes().get(best));
        SentimentSignal.Trend trend = lexicon.trend();
        double trendConfidence = lexicon.trendConfidence();
        if (TREND.isPresent()) {
            double[] q = TREND.get().probabilities(trendFeatures(rules, customer, agent, lexicon, OVERALL.get()));
            int t = LinearModel.argmax(q);
            trend = SentimentSignal.Trend.of(TREND.get().classes().get(t));
            trendConfidence = q[t];
        }
        return new SentimentSignal(overall, trend, p[best], trendConfidence);
    }

    /**
     * The second stage: the sentence model's probabilities (as logarithms) beside the nearest labelled customer turns'
     * votes and the dialogue's outcome. The sentence model alone confused polite-but-unserved customers with neutral
     * ones; what came of the call and what other customers meant by the same words separate them.
     */
    public static double[] secondStageFeatures(double[] firstStage, double[] neighbours, double[] outcome) {
        double[] logs = new double[firstStage.length];
        for (int c = 0; c < logs.length; c++) {
            logs[c] = Math.log(Math.max(1e-6, firstStage[c]));
        }
        return Pooling.concat(logs, neighbours, outcome);
    }

    public static List<Sentence> customer(ConversationText text) {
        return text.sentences().stream().filter(s -> s.speaker() == Speaker.CUSTOMER).toList();
    }

    public static List<Sentence> agent(ConversationText text) {
        return text.sentences().stream().filter(s -> s.speaker() == Speaker.AGENT).toList();
    }

    /**
     * What the agent said counts too: agents apologise to upset customers and share a laugh with pleased ones,
     * which carried over to other writers' calls better than the customer's words alone (chosen by
     * leave-writers-out cross-validation).
     */
    public static double[] overallFeatures(RuleEvaluator rules, List<Sentence> customer, List<Sentence> agent,
            SentimentSignal lexicon) {
        return Pooling.concat(Pooling.mean(rules, customer), Pooling.mean(rules, third(customer, 2)),
                Pooling.mean(rules, agent), Pooling.oneHot(lexicon.overall().ordinal(), 3, 1));
    }

    /**
     * The trend reads the sentiment model itself on the opening and the closing third (how negative or positive
     * each sounds), not raw vectors: a dozen inputs instead of 768 generalise from a hundred calls.
     */
    public static double[] trendFeatures(RuleEvaluator rules, List<Sentence> customer, List<Sentence> agent,
            SentimentSignal lexicon, LinearModel overall) {
        double[] first = Pooling.mean(rules, third(customer, 0));
        double[] last = Pooling.mean(rules, third(customer, 2));
        double[] label = Pooling.oneHot(lexicon.overall().ordinal(), 3, 1);
        double[] opening = overall.probabilities(Pooling.concat(first, first, Pooling.mean(rules, third(agent, 0)), label));
        double[] closing = overall.probabilities(Pooling.concat(last, last, Pooling.mean(rules, third(agent, 2)), label));
        double[] change = new double[opening.length];
        for (int i = 0; i < change.length; i++) {
            change[i] = closing[i] - opening[i];
        }
        return Pooling.concat(opening, closing, change, Pooling.oneHot(lexicon.trend().ordinal(), 3, 1),
                vaderCourse(customer, agent));
    }

    /**
     * How the customer's sentences score on VADER, a general sentiment lexicon (not keyed to our calls), over the
     * call, and how the agent's move: compared leave-one-writer-out on the training calls, these raised the trend
     * from 0.62 to 0.65, while for the overall label they added nothing beyond the sentence vectors.
     */
    static double[] vaderCourse(List<Sentence> customer, List<Sentence> agent) {
        double[] c = compounds(customer);
        double[] a = compounds(agent);
        double[] cFirst = third(c, 0);
        double[] cLast = third(c, 2);
        double[] aFirst = third(a, 0);
        double[] aLast = third(a, 2);
        return new double[] {mean(c), mean(cLast) - mean(cFirst), min(c), max(c),
                mean(Arrays.copyOfRange(c, Math.max(0, c.length - 2), c.length)), mean(cFirst), mean(cLast),
                mean(aLast) - mean(aFirst), mean(aFirst), mean(aLast)};
    }

    private static double[] compounds(List<Sentence> sentences) {
        double[] out = new double[sentences.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vader.compound(sentences.get(i).text());
        }
        return out;
    }

    private static double[] third(double[] values, int which) {
        int[] range = thirdRange(values.length, which);
        return Arrays.copyOfRange(values, range[0], range[1]);
    }

    private static double mean(double[] v) {
        return v.length == 0 ? 0 : Arrays.stream(v).average().orElse(0);
    }

    private static double min(double[] v) {
        return v.length == 0 ? 0 : Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return v.length == 0 ? 0 : Arrays.stream(v).max().orElse(0);
    }

    /** The first (0), middle (1) or last (2) third of the sentences; a short list gives each third at least one. */
    static List<Sentence> third(List<Sentence> sentences, int which) {
        int[] range = thirdRange(sentences.size(), which);
        return sentences.subList(range[0], range[1]);
    }

    /** From (inclusive) and to (exclusive) of a third of {@code n} items. */
    private static int[] thirdRange(int n, int which) {
        int size = Math.max(1, (int) Math.ceil(n / 3.0));
        int from = switch (which) {
            case 0 -> 0;
            case 1 -> Math.max(0, (n - size) / 2);
            default -> Math.max(0, n - size);
        };
        return new int[] {Math.min(n, from), Math.min(n, from + size)};
    }

}
