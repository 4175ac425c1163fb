package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.learned.LearnedObjections;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes, for offline leave-one-writer-out experiments on objections (scripts/objections-lowo), every turn of the
 * TRAINING calls with its sentences' MiniLM vectors, the objection model's non-vector features (prototype
 * similarities, rule flags, position, length) and the gold objections. Refuses any folder other than the training
 * folder: the evaluation sets are never dumped.
 * Usage: {@code java @target/bench.args io.verbatim.analysis.eval.ObjectionDump src/test/resources/evaluation/train out.jsonl}
 */
public final class ObjectionDump {

    private ObjectionDump() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        if (!folder.normalize().toString().endsWith("evaluation/train")) {
            throw new IllegalArgumentException("training folder only");
        }
        JsonMapper json = JsonMapper.builder().build();
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            for (EvalCall call : EvalCall.load(folder)) {
                if (!call.transcript().language().toLowerCase(Locale.ROOT).startsWith("en")) {
                    continue;
                }
                ConversationText text = new ConversationText(call.transcript());
                RuleEvaluator rules = new RuleEvaluator(text, call.attributes(),
                        io.verbatim.analysis.QaConfigs.defaults().conditions(), embedder);
                rules.embed(text.sentences());
                var byRules = io.verbatim.analysis.internal.insights.ObjectionFinder.find(text);
                ObjectNode row = json.createObjectNode();
                row.put("id", call.id());
                row.put("domain", call.domain());
                row.set("objections", call.labels().path("objections"));
                ArrayNode turns = row.putArray("turns");
                for (int t = 0; t < text.turns().size(); t++) {
                    ObjectNode turn = turns.addObject();
                    turn.put("speaker", text.turn(t).speaker().name());
                    turn.put("text", text.turn(t).text());
                    ArrayNode sents = turn.putArray("sents");
                    for (Sentence s : text.sentencesOf(t)) {
                        ObjectNode so = sents.addObject();
                        so.put("text", s.text());
                        ArrayNode v = so.putArray("v");
                        for (float f : rules.vector(s)) {
                            v.add(Math.round(f * 10000) / 10000.0);
                        }
                    }
                    if (text.turn(t).speaker() == Speaker.CUSTOMER && !text.sentencesOf(t).isEmpty()) {
                        double[] x = LearnedObjections.features(text, rules, t, byRules);
                        ArrayNode extra = turn.putArray("extra");
                        for (int i = 768; i < x.length; i++) {
                            extra.add(Math.round(x[i] * 10000) / 10000.0);
                        }
                    }
                }
                out.println(json.writeValueAsString(row));
            }
        }
    }
}
