package io.verbatim.analysis.eval;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.QaConfigs;
import java.nio.file.Path;

/**
 * Every scorecard item's status on every conversation of a folder, one line each ({@code <id> <item> <status>}, the
 * id without an {@code _asr} suffix), so that the analysis of machine transcripts can be compared with the analysis
 * of the same calls' human transcripts where nobody labelled the items (Harper Valley). The sound-alike tolerance is
 * {@code -Dverbatim.analysis.sounds-like=T} (0 turns it off).
 */
public final class ItemStatuses {

    public static void main(String[] args) {
        Analyst analyst = new Analyst();
        for (EvalCall call : EvalCall.load(Path.of(args[0]))) {
            AnalysisResult r = analyst.analyse(call.transcript(), call.attributes(), QaConfigs.defaults(), call.goldSentiment());
            if (r.scorecard() == null) {
                continue;
            }
            for (ItemResult item : r.scorecard().items()) {
                System.out.println(call.id().replace("_asr", "") + " " + item.key() + " " + item.result());
            }
        }
    }
}
