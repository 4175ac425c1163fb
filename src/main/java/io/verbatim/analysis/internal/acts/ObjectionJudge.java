package io.verbatim.analysis.internal.acts;

import io.verbatim.analysis.Objection;
import io.verbatim.analysis.ObjectionCategory;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Objections by meaning: a customer sentence close to the prototypes of a category
 * ({@code analysis/objection-prototypes.json}) is an objection of that category, so a paraphrase no
 * rule lists still counts. Merged with the rule-based finder's objections (one per turn and category).
 */
public final class ObjectionJudge {

    /**
     * Similarity at which a sentence is an objection: the best micro-F1 over the tuned part of testdata/calls and the
     * written development set among 0.42..0.70 (docs/analysis-evaluation.md); the held-out part was not used.
     */
    static final double THRESHOLD = 0.50;
    static final int MIN_WORDS = 4;
    private static final Map<ObjectionCategory, List<String>> PROTOTYPES = new EnumMap<>(ObjectionCategory.class);
    /** Neutral requests (asking a price or a time): a sentence closer to these than to a category is no objection. */
    private static final List<String> NONE = new ArrayList<>();

    static {
        load();
    }

    private ObjectionJudge() {
    }

    public static List<Objection> find(ConversationText text, RuleEvaluator rules, List<Objection> byRules) {
        Map<String, Objection> out = new LinkedHashMap<>();
        byRules.forEach(o -> out.put(o.turn() + ":" + o.category(), o));
        SentenceEmbedder embedder = rules.embedder();
        if (embedder == null || !text.isLanguage("en")) {
            return List.copyOf(out.values());
        }
        Map<ObjectionCategory, List<float[]>> prototypes = new EnumMap<>(ObjectionCategory.class);
        PROTOTYPES.forEach((c, examples) -> prototypes.put(c, embedder.embedExamples(examples)));
        List<float[]> none = embedder.embedExamples(NONE);
        List<Sentence> candidates = text.sentences().stream()
                .filter(s -> s.speaker() == Speaker.CUSTOMER && s.wordCount() >= MIN_WORDS).toList();
        rules.embed(candidates);
        for (Sentence s : candidates) {
            float[] v = rules.vector(s);
            double neutral = SentenceEmbedder.best(v, none);
            for (Map.Entry<ObjectionCategory, List<float[]>> e : prototypes.entrySet()) {
                double best = SentenceEmbedder.best(v, e.getValue());
                if (best >= THRESHOLD && best > neutral) {
                    out.putIfAbsent(s.turn() + ":" + e.getKey(), new Objection(e.getKey(), s.turn(), s.start(), s.text()));
                }
            }
        }
        List<Objection> list = new ArrayList<>(out.values());
        list.sort(java.util.Comparator.comparingInt(Objection::turn));
        return list;
    }


    /**
     * For the sentences given, the best similarity to each category's prototypes (in {@link ObjectionCategory}
     * order) and, last, to the neutral requests: inputs of the trained objection classifier.
     */
    public static double[] similarities(RuleEvaluator rules, List<Sentence> sentences) {
        double[] out = new double[ObjectionCategory.values().length + 1];
        SentenceEmbedder embedder = rules.embedder();
        if (embedder == null || sentences.isEmpty()) {
            return out;
        }
        rules.embed(sentences);
        List<float[]> none = embedder.embedExamples(NONE);
        Map<ObjectionCategory, List<float[]>> prototypes = new EnumMap<>(ObjectionCategory.class);
        PROTOTYPES.forEach((c, examples) -> prototypes.put(c, embedder.embedExamples(examples)));
        for (Sentence s : sentences) {
            float[] v = rules.vector(s);
            prototypes.forEach((c, vectors) -> out[c.ordinal()] = Math.max(out[c.ordinal()], SentenceEmbedder.best(v, vectors)));
            out[out.length - 1] = Math.max(out[out.length - 1], SentenceEmbedder.best(v, none));
        }
        return out;
    }

    private static void load() {
        try (InputStream in = ObjectionJudge.class.getClassLoader().getResourceAsStream("analysis/objection-prototypes.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            JsonNode categories = root.get("categories");
            for (String key : categories.propertyNames()) {
                List<String> examples = new ArrayList<>();
                categories.get(key).forEach(x -> examples.add(x.stringValue()));
                PROTOTYPES.put(ObjectionCategory.valueOf(key.toUpperCase(java.util.Locale.ROOT)), List.copyOf(examples));
            }
            root.get("none").forEach(x -> NONE.add(x.stringValue()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
