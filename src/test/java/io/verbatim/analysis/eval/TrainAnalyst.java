package io.verbatim.analysis.eval;

import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.internal.learned.LearnedBooking;
import io.verbatim.analysis.internal.learned.LearnedObjections;
import io.verbatim.analysis.internal.learned.LearnedSentiment;
import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.analysis.internal.learned.SentimentNeighbours;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.enrichment.Enricher;
import io.verbatim.enrichment.Enrichment;
import io.verbatim.enrichment.EnrichmentOptions;
import io.verbatim.speech.Speaker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the analyst's small classifiers (customer sentiment, sentiment trend, objections) on labelled
 * conversations and writes their weights to {@code src/main/resources/analysis/models}. The L2 penalty and the
 * objection thresholds are chosen by 5-fold cross-validation over whole conversations (a call's turns never
 * straddle folds); the printed cross-validated figures are the tuned ones, the figures on sets not trained on
 * come from {@code scripts/bench.sh judgments}.
 * Usage: {@code scripts/bench.sh train-analyst [--write] [--only sentiment,objections,actions,booking,qa] folder...}
 */
public final class TrainAnalyst {

    static final double[] L2 = {0.01, 0.03, 0.1, 0.3, 1};
    static final int FOLDS = 5;
    static final List<String> POLARITY = List.of("negative", "neutral", "positive");
    static final List<String> TREND = List.of("improving", "steady", "worsening");
    static final List<String> CATEGORIES = List.of("price", "timing", "decision_maker", "trust", "competitor", "need", "other");

    record Example(String call, double[] x, double[] y) {
    }

    /** The cross-validated accuracy of the last {@link #exclusive} model (single-threaded script). */
    static double lastAccuracy;
    /** The penalty the last {@link #exclusive} model was fitted with. */
    static double lastL2;

    public static void main(String[] args) throws Exception {
        boolean write = List.of(args).contains("--write");
        int onlyAt = List.of(args).indexOf("--only");
        java.util.Set<String> only = onlyAt < 0 ? java.util.Set.of() : java.util.Set.of(args[onlyAt + 1].split(","));
        List<String> folders = List.of(args).stream().filter(a -> !a.startsWith("--") && (onlyAt < 0 || !a.equals(args[onlyAt + 1]))).toList();
        List<Example> overall = new ArrayList<>();
        List<Example> trend = new ArrayList<>();
        List<SentimentTraining.Call> sentimentCalls = new ArrayList<>();
        record TrendInput(String id, RuleEvaluator rules, List<Sentence> customer, List<Sentence> agent, SentimentSignal lexicon, double[] y) {
        }
        List<TrendInput> trendInputs = new ArrayList<>();
        List<Example> objections = new ArrayList<>();
        List<List<float[]>> objectionSentences = new ArrayList<>();
        List<ActionTraining.Call> actionCalls = new ArrayList<>();
        QaTraining qa = new QaTraining();
        List<BookingTraining.Call> booking = new ArrayList<>();
        Enricher enricher = new Enricher();
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        int calls = 0;
        for (String folder : folders) {
            for (EvalCall call : EvalCall.load(Path.of(folder))) {
                if (!call.transcript().language().toLowerCase(Locale.ROOT).startsWith("en")) {
                    continue;
                }
                calls++;
                Enrichment e = enricher.enrich(call.transcript(), new EnrichmentOptions(call.transcript().language(),
                        call.attributes().agentName(), null));
                SentimentSignal lexicon = new SentimentSignal(SentimentSignal.Polarity.valueOf(e.sentiment().customer().name()),
                        SentimentSignal.Trend.valueOf(e.sentiment().trend().name().toUpperCase(Locale.ROOT)),
                        e.sentiment().customerConfidence(), e.sentiment().trendConfidence());
                ConversationText text = new ConversationText(call.transcript());
                RuleEvaluator rules = new RuleEvaluator(text, call.attributes(),
                        io.verbatim.analysis.QaConfigs.defaults().conditions(), embedder);
                rules.embed(text.sentences());
                List<Sentence> customer = LearnedSentiment.customer(text);
                List<Sentence> agent = LearnedSentiment.agent(text);
                var labels = call.labels();
                qa.add(call.id(), text, rules, call.attributes(), labels.path("qa"));
                if (labels.has("booking_status")) {
                    var acts = io.verbatim.analysis.internal.acts.DialogueActs.tag(text, rules,
                            io.verbatim.analysis.internal.acts.DialogueActs.Settings.DEFAULT);
                    var rule = io.verbatim.analysis.internal.acts.BookingJudge.judge(text, acts);
                    String gold = labels.get("booking_status").isNull() ? "null" : labels.get("booking_status").asString();
                    String said = rule.status() == null ? "null" : rule.status().name().toLowerCase(Locale.ROOT);
                    booking.add(new BookingTraining.Call(new Example(call.id(),
                            LearnedBooking.features(text, rules, call.attributes(), acts, rule), oneHot(LearnedBooking.CLASSES, gold)),
                            call.attributes(), said));
                }
                if (!customer.isEmpty() && labels.hasNonNull("customer_sentiment")) {
                    overall.add(new Example(call.id(), LearnedSentiment.overallFeatures(rules, customer, agent, lexicon),
                            oneHot(POLARITY, labels.get("customer_sentiment").asString())));
                    if (does(only, "sentiment")) {
                        var acts = io.verbatim.analysis.internal.acts.DialogueActs.tag(text, rules,
                                io.verbatim.analysis.internal.acts.DialogueActs.Settings.DEFAULT);
                        sentimentCalls.add(new SentimentTraining.Call(call.id(), writer(call.id()), overall.getLast().x(),
                                io.verbatim.analysis.internal.learned.DialogueOutcome.features(text, rules, call.attributes(), acts),
                                SentimentNeighbours.turnVectors(text, rules), SentimentNeighbours.turnPositions(text),
                                POLARITY.indexOf(labels.get("customer_sentiment").asString())));
                    }
                }
                if (!customer.isEmpty() && labels.hasNonNull("sentiment_trend")) {
                    trendInputs.add(new TrendInput(call.id(), rules, customer, agent, lexicon,
                            oneHot(TREND, labels.get("sentiment_trend").asString())));
                }
                if (labels.has("action_items")) {
                    List<io.verbatim.evaluation.scoring.ActionItemMatcher.Item> gold = new ArrayList<>();
                    labels.get("action_items").forEach(a -> gold.add(new io.verbatim.evaluation.scoring.ActionItemMatcher.Item(
                            a.path("owner").asString(""), a.path("text").asString(""))));
                    actionCalls.add(new ActionTraining.Call(call.id(), text, rules, gold));
                }
                if (labels.has("objections")) {
                    var byRules = io.verbatim.analysis.internal.insights.ObjectionFinder.find(text);
                    for (int t = 0; t < text.turns().size(); t++) {
                        if (text.turn(t).speaker() != Speaker.CUSTOMER || text.sentencesOf(t).isEmpty()) {
                            continue;
                        }
                        double[] y = new double[CATEGORIES.size()];
                        int turn = t;
                        labels.get("objections").forEach(o -> {
                            if (o.path("turn").asInt() == turn) {
                                y[CATEGORIES.indexOf(o.path("category").asString())] = 1;
                            }
                        });
                        objections.add(new Example(call.id(), LearnedObjections.features(text, rules, t, byRules), y));
                        objectionSentences.add(LearnedObjections.vectors(rules, text.sentencesOf(t)));
                    }
                }
            }
        }
        System.out.printf("%d English calls: %d sentiment, %d trend, %d customer turns%n", calls, overall.size(), trendInputs.size(),
                objections.size());
        LinearModel sentimentModel = null;
        LinearModel trendModel = null;
        SentimentTraining.Trained secondStage = null;
        if (does(only, "sentiment")) {
            sentimentModel = exclusive("customer-sentiment", LearnedSentiment.OVERALL_FEATURES, POLARITY, overall, true);
            // The second stage learns from the first stage's probabilities out of writer; the first stage's penalty is
            // chosen with the second's, leave one writer out, and the shipped first stage (read by the trend too) uses it.
            secondStage = SentimentTraining.train(sentimentCalls, L2);
            if (secondStage.firstL2() != lastL2) {
                System.out.printf("customer-sentiment: refitted with l2=%.3f for the second stage%n", secondStage.firstL2());
                sentimentModel = Logistic.train("customer-sentiment", LearnedSentiment.OVERALL_FEATURES, POLARITY, xs(overall),
                        ys(overall), secondStage.firstL2(), false, true, null);
            }
            // The trend reads the sentiment model (fitted on all calls, so its cross-validated figure is a little optimistic).
            for (TrendInput t : trendInputs) {
                trend.add(new Example(t.id(), LearnedSentiment.trendFeatures(t.rules(), t.customer(), t.agent(), t.lexicon(), sentimentModel), t.y()));
            }
            // Balanced: steady is half the training calls, and other sets have other shares (leave-writers-out chose it).
            trendModel = exclusive("sentiment-trend", LearnedSentiment.TREND_FEATURES, TREND, trend, true);
        }
        ObjectionTraining.Trained objectionModel = does(only, "objections")
                ? ObjectionTraining.train(objections, folds(objections), objectionSentences) : null;
        LinearModel actionModel = does(only, "actions") ? ActionTraining.train(actionCalls, embedder) : null;
        LinearModel bookingModel = does(only, "booking") ? BookingTraining.train(booking) : null;
        Path dir = Path.of("src/main/resources/analysis/models");
        List<LinearModel> qaModels = does(only, "qa") ? qa.train(dir, write) : List.of();
        if (write) {
            Files.createDirectories(dir);
            for (LinearModel m : qaModels) {
                ModelWriter.write(dir, m, folders, calls);
            }
            if (sentimentModel != null) {
                ModelWriter.write(dir, sentimentModel, folders, overall.size());
                ModelWriter.write(dir, trendModel, folders, trend.size());
                ModelWriter.write(dir, secondStage.stage2(), folders, sentimentCalls.size());
                secondStage.bank().write(dir.resolve("sentiment-neighbours.bin.gz"));
            }
            if (objectionModel != null) {
                ModelWriter.write(dir, objectionModel.model(), folders, objections.size());
                objectionModel.neighbours().write(dir.resolve("objection-neighbours.bin.gz"));
            }
            if (actionModel != null && ActionTraining.ships) {
                ModelWriter.write(dir, actionModel, folders, actionCalls.size());
            } else if (actionModel != null) {
                Files.deleteIfExists(dir.resolve("action-items.json"));
            }
            if (bookingModel != null && BookingTraining.ships) {
                ModelWriter.write(dir, bookingModel, folders, booking.size());
            } else if (bookingModel != null) {
                Files.deleteIfExists(dir.resolve("booking-status.json"));
            }
            System.out.println("wrote " + dir);
        }
    }

    /** Softmax over exclusive labels: the penalty with the best cross-validated accuracy, then a fit on everything. */
    static LinearModel exclusive(String name, String features, List<String> classes, List<Example> data, boolean balanced) {
        int[] fold = folds(data);
        double bestAccuracy = -1;
        double bestL2 = L2[0];
        for (double l2 : L2) {
            int right = 0;
            int[][] confusion = new int[classes.size()][classes.size()];
            for (int f = 0; f < FOLDS; f++) {
                List<Example> train = new ArrayList<>();
                List<Example> test = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    (fold[i] == f ? test : train).add(data.get(i));
                }
                if (test.isEmpty()) {
                    continue;
                }
                LinearModel m = Logistic.train(name, features, classes, xs(train), ys(train), l2, false, balanced, null);
                for (Example e : test) {
                    int got = LinearModel.argmax(m.probabilities(e.x()));
                    int gold = LinearModel.argmax(e.y());
                    confusion[gold][got]++;
                    right += got == gold ? 1 : 0;
                }
            }
            double accuracy = (double) right / data.size();
            System.out.printf("%s l2=%.3f cross-validated accuracy %.3f (%d) confusion %s%n", name, l2, accuracy, data.size(),
                    java.util.Arrays.deepToString(confusion));
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                bestL2 = l2;
            }
        }
        System.out.printf("%s: chose l2=%.3f (cross-validated accuracy %.3f)%n", name, bestL2, bestAccuracy);
        lastAccuracy = bestAccuracy;
        lastL2 = bestL2;
        return Logistic.train(name, features, classes, xs(data), ys(data), bestL2, false, balanced, null);
    }

    /** Whether this run trains {@code part} ({@code --only sentiment,objections,actions,booking,qa}; all without it). */
    static boolean does(java.util.Set<String> only, String part) {
        return only.isEmpty() || only.contains(part);
    }

    /**
     * Fold of each example: by who wrote its conversation (the id's prefix, one per writer), so a model is always
     * scored on writers it never saw, which is what a customer's own calls are; with fewer writers than folds, by
     * conversation. One call's examples never straddle training and testing either way.
     */
    static int[] folds(List<Example> data) {
        List<String> writers = data.stream().map(e -> writer(e.call())).distinct().sorted().toList();
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = writers.size() >= FOLDS ? writers.indexOf(writer(data.get(i).call())) % FOLDS
                    : Math.floorMod(data.get(i).call().hashCode() * 31 + 7, FOLDS);
        }
        return out;
    }

    static String writer(String call) {
        int cut = call.indexOf('_');
        return cut < 0 ? call : call.substring(0, cut);
    }

    static double[][] xs(List<Example> data) {
        return data.stream().map(Example::x).toArray(double[][]::new);
    }

    static double[][] ys(List<Example> data) {
        return data.stream().map(Example::y).toArray(double[][]::new);
    }

    static double[] oneHot(List<String> classes, String value) {
        double[] y = new double[classes.size()];
        int i = classes.indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException("unknown label " + value + " (expected one of " + classes + ")");
        }
        y[i] = 1;
        return y;
    }

}
