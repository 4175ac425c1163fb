package io.verbatim.analysis.internal.reasons;

import io.verbatim.analysis.CallReason;
import io.verbatim.analysis.CallReasonDefinition;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Call reason from a tenant's taxonomy. The opening of the conversation (the customer's first turns, where
 * the request usually comes after greetings and names, and the agent's first turns, where some agents
 * restate it) is embedded in one pass; each reason scores its best cosine with any opening sentence
 * (later turns and the agent count a little less) plus a share of its key words found, lemmatised, in the
 * customer's opening. The best reason wins unless it scores below {@link Params#threshold()}: then
 * {@value #OTHER}. Thread-safe; compiled taxonomies are cached per config.
 */
public final class ReasonClassifier {

    public static final String OTHER = "other";
    private static final int CACHE_LIMIT = 64;
    private static final int MAX_SENTENCES = 16;

    /**
     * @param customerTurns how many of the customer's first turns to read
     * @param agentTurns    how many of the agent's first turns to read
     * @param agentWeight   factor on the agent's sentences' similarity
     * @param decay         factor lost per later turn of the same speaker (the request comes early)
     * @param lexicalWeight weight of the key-word share added to the best similarity
     * @param joinedWeight  factor on the similarity of the customer's opening read as one text (terse chats, "big mac"
     *                      then "2" then "coke", make sense together), 0 = not used
     * @param threshold     below this score the call is {@value #OTHER}
     */
    public record Params(int customerTurns, int agentTurns, double agentWeight, double decay, double lexicalWeight,
                         double joinedWeight, double threshold) {
        // Chosen by leave-one-domain-out cross-validation (CallReasonTuning; docs/analysis-evaluation.md#call-reasons-with-a-tenant-taxonomy).
        public static final Params DEFAULTS = new Params(4, 2, 0.8, 0.1, 0.1, 1.0, 0.39);
    }

    /** A reason's score in one conversation, with the sentence that supports it (null when none does). */
    public record Scored(String key, double score, double semantic, double lexical, Sentence evidence) {
    }

    private final SentenceEmbedder embedder;
    private final Params params;
    private final Map<List<CallReasonDefinition>, CompiledTaxonomy> cache = new ConcurrentHashMap<>();

    public ReasonClassifier(SentenceEmbedder embedder) {
        this(embedder, Params.DEFAULTS);
    }

    public ReasonClassifier(SentenceEmbedder embedder, Params params) {
        this.embedder = embedder;
        this.params = params;
    }

    public CallReason classify(ConversationText text, List<CallReasonDefinition> reasons) {
        return judge(text, reasons).reason();
    }

    /** The reason with how sure the classifier is: low when the runner-up or the threshold is close. */
    public record Verdict(CallReason reason, double confidence) {
    }

    public Verdict judge(ConversationText text, List<CallReasonDefinition> reasons) {
        return judge(text, reasons, null);
    }

    /**
     * As {@link #judge(ConversationText, List)}, taking the opening sentences' vectors from {@code vectors}
     * when given (the analysis has embedded the conversation already; embedding it again was work done twice).
     */
    public Verdict judge(ConversationText text, List<CallReasonDefinition> reasons, Function<Sentence, float[]> vectors) {
        List<Scored> scored = score(text, reasons, vectors);
        Scored best = scored.isEmpty() ? null : scored.get(0);
        if (best == null || best.score() < params.threshold()) {
            double below = best == null ? 1 : params.threshold() - best.score();
            return new Verdict(new CallReason(OTHER, OTHER, null, List.of()), confidence(below));
        }
        double lead = scored.size() > 1 ? best.score() - scored.get(1).score() : 1;
        return new Verdict(new CallReason(best.key(), best.key(), null,
                best.evidence() == null ? List.of() : List.of(best.evidence().evidence())),
                confidence(Math.min(lead, best.score() - params.threshold())));
    }

    /** 0.5 at no margin, towards 0.95 as the margin grows (a lead of 0.05 in similarity is already clear). */
    static double confidence(double margin) {
        return 0.5 + 0.45 * Math.tanh(Math.max(0, margin) / 0.05);
    }

    /** Every reason's score, best first. */
    public List<Scored> score(ConversationText text, List<CallReasonDefinition> reasons) {
        return score(text, reasons, null);
    }

    private List<Scored> score(ConversationText text, List<CallReasonDefinition> reasons, Function<Sentence, float[]> known) {
        CompiledTaxonomy taxonomy = compiled(reasons);
        List<Sentence> opening = opening(text);
        String joined = String.join(" . ", opening.stream().filter(s -> s.speaker() == Speaker.CUSTOMER).map(Sentence::punctuated).toList());
        boolean useJoined = params.joinedWeight() > 0 && !joined.isBlank();
        List<float[]> vectors = new ArrayList<>();
        if (known != null) {
            opening.forEach(s -> vectors.add(known.apply(s)));
            if (useJoined) {
                vectors.add(embedder.embedAll(List.of(joined)).get(0));
            }
        } else {
            List<String> inputs = new ArrayList<>(opening.stream().map(Sentence::punctuated).toList());
            if (useJoined) {
                inputs.add(joined);
            }
            vectors.addAll(embedder.embedAll(inputs));
        }
        Set<String> customerLemmas = new HashSet<>();
        opening.stream().filter(s -> s.speaker() == Speaker.CUSTOMER).forEach(s -> customerLemmas.addAll(Lemmas.of(s.text())));
        List<Scored> out = new ArrayList<>();
        for (int r = 0; r < taxonomy.reasons().size(); r++) {
            double semantic = 0;
            Sentence evidence = null;
            for (int s = 0; s < opening.size(); s++) {
                double sim = weight(text, opening.get(s)) * best(vectors.get(s), taxonomy.vectors().get(r));
                if (sim > semantic) {
                    semantic = sim;
                    evidence = opening.get(s);
                }
            }
            if (useJoined) {
                semantic = Math.max(semantic, params.joinedWeight() * best(vectors.get(opening.size()), taxonomy.vectors().get(r)));
            }
            double lexical = lexical(taxonomy.keyLemmas().get(r), customerLemmas);
            out.add(new Scored(taxonomy.reasons().get(r).key(), semantic + params.lexicalWeight() * lexical, semantic,
                    lexical, evidence));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        return out;
    }

    private CompiledTaxonomy compiled(List<CallReasonDefinition> reasons) {
        CompiledTaxonomy t = cache.get(reasons);
        if (t == null) {
            t = CompiledTaxonomy.compile(reasons, embedder);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(List.copyOf(reasons), t);
        }
        return t;
    }

    private List<Sentence> opening(ConversationText text) {
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            int ordinal = text.speakerOrdinal(s.turn());
            boolean in = s.speaker() == Speaker.CUSTOMER ? ordinal < params.customerTurns()
                    : s.speaker() == Speaker.AGENT && ordinal < params.agentTurns();
            if (in && !s.words().isBlank() && out.size() < MAX_SENTENCES) {
                out.add(s);
            }
        }
        return out;
    }

    private double weight(ConversationText text, Sentence s) {
        double w = 1 - params.decay() * text.speakerOrdinal(s.turn());
        return s.speaker() == Speaker.AGENT ? w * params.agentWeight() : w;
    }

    private static double best(float[] sentence, float[][] reason) {
        double best = 0;
        for (float[] v : reason) {
            best = Math.max(best, SentenceEmbedder.cosine(sentence, v));
        }
        return best;
    }

    private static double lexical(Map<String, Double> keyLemmas, Set<String> customer) {
        double total = 0;
        double found = 0;
        for (Map.Entry<String, Double> k : keyLemmas.entrySet()) {
            total += k.getValue();
            if (customer.stream().anyMatch(c -> Lemmas.matches(c, k.getKey()))) {
                found += k.getValue();
            }
        }
        return total == 0 ? 0 : found / total;
    }
}
