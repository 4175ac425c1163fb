package io.verbatim.analysis.eval;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@link QaExperiment}'s embedded calls as JSON lines for offline work on the scorecard judges
 * ({@code scripts/qa-mil}): per call its id, each item's rule verdict (ordinal), rule confidence and gold label, the
 * shipped judge's pooled inputs ({@code qa-v1}) and every agent sentence vector. Usage:
 * {@code QaExport <labelled folder> <out.jsonl>} (cache: {@code -Dqa.experiment.cache}).
 */
public final class QaExport {

    public static void main(String[] args) throws Exception {
        List<QaExperiment.Call> calls = QaExperiment.load(Path.of(args[0]));
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]))) {
            for (QaExperiment.Call c : calls) {
                StringBuilder b = new StringBuilder("{\"id\":\"").append(c.id()).append("\",\"items\":{");
                boolean first = true;
                for (var e : c.items().entrySet()) {
                    b.append(first ? "" : ",").append('"').append(e.getKey()).append("\":[").append(e.getValue().verdict())
                            .append(',').append(e.getValue().confidence()).append(",\"").append(e.getValue().gold()).append("\"]");
                    first = false;
                }
                b.append("},\"v1\":[");
                for (int i = 0; i < c.v1().length; i++) {
                    b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", c.v1()[i]));
                }
                b.append("],\"agent\":[");
                for (int s = 0; s < c.agentSentences().length; s++) {
                    b.append(s == 0 ? "[" : ",[");
                    for (int i = 0; i < c.agentSentences()[s].length; i++) {
                        b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", c.agentSentences()[s][i]));
                    }
                    b.append(']');
                }
                out.write(b.append("]}\n").toString());
            }
        }
    }

    private QaExport() {
    }
}
