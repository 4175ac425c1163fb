package io.verbatim.analysis.internal.acts;

import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tags each sentence with the dialogue act whose prototype utterances ({@code analysis/dialogue-acts.json})
 * it is most similar to: when the best similarity reaches {@link Settings#threshold} and leads the
 * speaker's next-best act by {@link Settings#margin}. The sentence vectors are the conversation's own
 * (computed once, shared with the scorecard rules); prototype vectors are memoised by the embedder.
 */
public final class DialogueActs {

    /** Chosen by cross-validation across the labelled sets (docs/analysis-evaluation.md). */
    public record Settings(double threshold, double margin) {
        public static final Settings DEFAULT = new Settings(0.62, 0.04);
    }

    /** A sentence's act, its similarity to the act's nearest prototype and its lead over the next act. */
    public record Tag(Sentence sentence, DialogueAct act, double score, double margin) {
    }

    private static final Map<DialogueAct, List<String>> PROTOTYPES = new EnumMap<>(DialogueAct.class);
    /** Acts said only as questions (true) or only as statements (false); absent = either. */
    private static final Map<DialogueAct, Boolean> MOOD = new EnumMap<>(DialogueAct.class);
    static final java.util.regex.Pattern INTERROGATIVE = java.util.regex.Pattern.compile(
            "^(do|does|did|would|could|can|shall|should|will|is|are|was|were|have|has|may|what|when|which|how|where|who|why)\\b");

    static {
        load();
    }

    private DialogueActs() {
    }

    public static List<Tag> tag(ConversationText text, RuleEvaluator rules, Settings settings) {
        SentenceEmbedder embedder = rules.embedder();
        List<Tag> out = new ArrayList<>();
        if (embedder == null) {
            return out;
        }
        Map<DialogueAct, List<float[]>> prototypes = new EnumMap<>(DialogueAct.class);
        PROTOTYPES.forEach((act, examples) -> prototypes.put(act, embedder.embedExamples(examples)));
        rules.embed(text.sentences());
        for (Sentence s : text.sentences()) {
            float[] v = rules.vector(s);
            if (v == null || s.words().isBlank()) {
                continue;
            }
            DialogueAct best = null;
            double first = -1;
            double second = -1;
            boolean question = question(s);
            for (Map.Entry<DialogueAct, List<float[]>> e : prototypes.entrySet()) {
                Boolean mood = MOOD.get(e.getKey());
                if (e.getKey().speaker() != s.speaker() || mood != null && mood != question) {
                    continue;
                }
                double sim = SentenceEmbedder.best(v, e.getValue());
                if (sim > first) {
                    second = first;
                    first = sim;
                    best = e.getKey();
                } else if (sim > second) {
                    second = sim;
                }
            }
            if (best != null && first >= settings.threshold() && first - second >= settings.margin()) {
                out.add(new Tag(s, best, first, first - second));
            }
        }
        return out;
    }

    /** A question by its mark, or (speech-engine text has no punctuation) by its interrogative first word. */
    public static boolean question(Sentence s) {
        return s.questionMark() || INTERROGATIVE.matcher(s.words().strip()).find();
    }

    private static void load() {
        try (InputStream in = DialogueActs.class.getClassLoader().getResourceAsStream("analysis/dialogue-acts.json")) {
            JsonNode acts = JsonMapper.builder().build().readTree(in).get("acts");
            for (String key : acts.propertyNames()) {
                List<String> examples = new ArrayList<>();
                acts.get(key).get("examples").forEach(x -> examples.add(x.stringValue()));
                PROTOTYPES.put(DialogueAct.of(key), List.copyOf(examples));
                JsonNode mood = acts.get(key).get("mood");
                if (mood != null) {
                    MOOD.put(DialogueAct.of(key), "question".equals(mood.stringValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
