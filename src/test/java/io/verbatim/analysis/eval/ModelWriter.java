package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.learned.LinearModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** Writes a trained model as {@code <name>.json}, with what it was trained on and how to reproduce it. */
final class ModelWriter {

    private ModelWriter() {
    }

    static void write(Path dir, LinearModel m, List<String> sets, int examples) throws Exception {
        write(dir, m, sets, examples, "scripts/bench.sh train-analyst --write " + String.join(" ", sets));
    }

    static void write(Path dir, LinearModel m, List<String> sets, int examples, String command) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        var root = json.createObjectNode();
        root.put("name", m.name());
        root.put("features", m.features());
        root.put("one_vs_rest", m.oneVsRest());
        var training = root.putObject("training");
        training.put("command", command);
        training.putPOJO("sets", sets);
        training.put("examples", examples);
        training.put("date", LocalDate.now().toString());
        training.put("licence", "the project's own written development conversations (same licence as the code)");
        root.putPOJO("classes", m.classes());
        root.set("mean", array(json, m.mean()));
        root.set("scale", array(json, m.scale()));
        ArrayNode weights = root.putArray("weights");
        for (double[] w : m.weights()) {
            weights.add(array(json, w));
        }
        root.set("bias", array(json, m.bias()));
        if (m.thresholds() != null) {
            root.set("thresholds", array(json, m.thresholds()));
        }
        Files.writeString(dir.resolve(m.name() + ".json"), json.writeValueAsString(root) + "\n");
    }

    /** Six significant digits are plenty for weights over standardised features, and keep the file small. */
    private static ArrayNode array(JsonMapper json, double[] values) {
        ArrayNode out = json.createArrayNode();
        for (double v : values) {
            out.add(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v)));
        }
        return out;
    }
}
