package io.verbatim.analysis.eval;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.SentimentSignal;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes everything the analyst returns (every record's {@code toString}, so every score in full precision) for each
 * conversation of the given folders, with the gold sentiment and without any, and for the throughput benchmark's
 * five-minute transcripts. Two dumps from two builds diff to nothing when an optimisation changes no judgment.
 * Usage: {@code JudgmentDump <out-file> <folder>...}.
 */
public final class JudgmentDump {

    public static void main(String[] args) throws Exception {
        Analyst analyst = new Analyst();
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), false, StandardCharsets.UTF_8)) {
            for (String folder : List.of(args).subList(1, args.length)) {
                for (EvalCall call : EvalCall.load(Path.of(folder))) {
                    for (SentimentSignal s : new SentimentSignal[] {call.goldSentiment(), null}) {
                        AnalysisResult r = analyst.analyse(call.transcript(), call.attributes(), QaConfigs.defaults(), s);
                        out.println(folder + " " + call.id() + (s == null ? " no-sentiment" : " gold") + "\t" + r);
                    }
                    if (folder.endsWith("calls")) {
                        AnalysisResult r = analyst.analyse(AnalysisThroughput.fiveMinutes(call.transcript()), call.attributes(),
                                QaConfigs.defaults(), call.goldSentiment());
                        out.println(folder + " " + call.id() + " five-minutes\t" + r);
                    }
                }
            }
        }
    }
}
