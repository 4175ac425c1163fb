package io.verbatim.analysis.eval;

import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.internal.learned.ObjectionNeighbours;
import io.verbatim.analysis.internal.learned.SentimentNeighbours;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two neighbour banks on the throughput benchmark's five-minute transcripts, one thread: the full scan of every
 * row's sum (the path before session 14, still the training folds' path) against the production path (an 8-bit
 * first pass, exact sums only where its error bound cannot rule a row out, and short replies remembered), with
 * every vote checked equal. Thread CPU time, so a busy machine disturbs it less. Usage: {@code
 * NeighbourBankBenchmark [testdata] [rounds=5]}.
 */
public final class NeighbourBankBenchmark {

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/testdata");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ObjectionNeighbours objections = ObjectionNeighbours.shipped().orElseThrow();
        SentimentNeighbours sentiment = SentimentNeighbours.shipped().orElseThrow();
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        List<List<List<float[]>>> calls = new ArrayList<>();
        List<List<boolean[]>> marks = new ArrayList<>();
        List<ConversationText> texts = new ArrayList<>();
        List<RuleEvaluator> evaluators = new ArrayList<>();
        int customerTurns = 0;
        int sentences = 0;
        for (EvalCall call : EvalCall.load(root.resolve("calls"))) {
            ConversationText text = new ConversationText(AnalysisThroughput.fiveMinutes(call.transcript()));
            RuleEvaluator rules = new RuleEvaluator(text, call.attributes(), QaConfigs.defaults().conditions(), embedder);
            List<List<float[]>> turns = new ArrayList<>();
            List<boolean[]> recurring = new ArrayList<>();
            for (int t = 0; t < text.turns().size(); t++) {
                List<Sentence> own = text.sentencesOf(t);
                if (text.turn(t).speaker() != Speaker.CUSTOMER || own.isEmpty()) {
                    continue;
                }
                rules.embed(own);
                turns.add(own.stream().map(rules::vector).toList());
                boolean[] m = new boolean[own.size()];
                for (int i = 0; i < m.length; i++) {
                    m[i] = RuleEvaluator.memoised(own.get(i));
                }
                recurring.add(m);
                sentences += own.size();
            }
            calls.add(turns);
            marks.add(recurring);
            texts.add(text);
            evaluators.add(rules);
            customerTurns += turns.size();
        }
        System.out.printf("%d transcripts, %d customer sentences, %d customer turns; banks of %d and %d rows%n",
                calls.size(), sentences, customerTurns, 7078, sentiment.size());
        for (int r = 0; r < rounds; r++) {
            long t0 = cpu();
            List<double[]> scan = new ArrayList<>();
            for (List<List<float[]>> turns : calls) {
                turns.forEach(t -> scan.add(objections.votes(t)));
            }
            long t1 = cpu();
            List<double[]> nearest = new ArrayList<>();
            for (List<List<float[]>> turns : calls) {
                nearest.addAll(objections.votesEach(turns));
            }
            long t2 = cpu();
            List<double[]> remembered = new ArrayList<>();
            for (int c = 0; c < calls.size(); c++) {
                remembered.addAll(objections.votesEach(calls.get(c), marks.get(c)));
            }
            long t3 = cpu();
            List<double[]> sentimentScan = new ArrayList<>();
            for (int c = 0; c < calls.size(); c++) {
                List<double[]> votes = new ArrayList<>();
                for (float[] v : SentimentNeighbours.turnVectors(texts.get(c), evaluators.get(c))) {
                    votes.add(sentiment.vote(sentiment.similarities(v), -1, -1));
                }
                sentimentScan.add(SentimentNeighbours.pool(votes, SentimentNeighbours.turnPositions(texts.get(c))));
            }
            long t4 = cpu();
            List<double[]> sentimentNearest = new ArrayList<>();
            for (int c = 0; c < calls.size(); c++) {
                sentimentNearest.add(sentiment.features(texts.get(c), evaluators.get(c)));
            }
            long t5 = cpu();
            boolean same = true;
            for (int i = 0; i < scan.size(); i++) {
                same &= Arrays.equals(scan.get(i), nearest.get(i)) && Arrays.equals(scan.get(i), remembered.get(i));
            }
            for (int c = 0; c < calls.size(); c++) {
                same &= Arrays.equals(sentimentScan.get(c), sentimentNearest.get(c));
            }
            System.out.printf("objection bank, ms CPU per transcript: full scan %.1f, nearest rows %.1f, with short replies remembered %.1f "
                            + "; sentiment bank: full scan %.1f, nearest rows and short turns remembered %.1f (all identical: %s)%n",
                    (t1 - t0) / 1e6 / calls.size(), (t2 - t1) / 1e6 / calls.size(), (t3 - t2) / 1e6 / calls.size(),
                    (t4 - t3) / 1e6 / calls.size(), (t5 - t4) / 1e6 / calls.size(), same);
        }
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
