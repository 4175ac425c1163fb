package io.verbatim.analysis.eval;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link QaExperiment}'s embedded calls as JSON lines for offline work on the scorecard judges
 * ({@code scripts/qa-mil}): per call its id, each item's rule verdict (ordinal), rule confidence and gold label, the
 * shipped judge's pooled inputs ({@code qa-v1}) and every agent sentence vector. Usage:
 * {@code QaExport <labelled folder> <out.jsonl>} (cache: {@code -Dqa.experiment.cache}).
 */
public final class QaExport {

    /** One line: {@code items} maps an item key to [verdict, confidence, gold]. */
    record Line(String id, Map<String, List<Object>> items, double[] v1, float[][] agent) {
    }

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<QaExperiment.Call> calls = QaExperiment.load(Path.of(args[0]));
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]))) {
            for (QaExperiment.Call c : calls) {
                Map<String, List<Object>> items = new LinkedHashMap<>();
                c.items().forEach((key, item) -> items.put(key, List.of(item.verdict(), item.confidence(), item.gold())));
                out.write(json.writeValueAsString(new Line(c.id(), items, c.v1(), c.agentSentences())));
                out.write('\n');
            }
        }
    }

    private QaExport() {
    }
}
