package io.verbatim.analysis.internal.rules;

import io.verbatim.analysis.Condition;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.Scope;
import io.verbatim.analysis.SpeakerScope;
import io.verbatim.analysis.Window;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Evaluates {@link Condition}s against one conversation. Results are memoised per condition (library
 * conditions are shared by many items); sentence embeddings are computed once, on first need, for the
 * sentences a semantic rule looks at. Not thread-safe: one instance per analysis.
 */
public final class RuleEvaluator {

    /** Semantic rules skip sentences shorter than this: "Okay." is close to everything. */
    static final int SEMANTIC_MIN_WORDS = 3;

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final ConversationText text;
    private final ConversationAttributes attributes;
    private final Map<String, Condition> library;
    private final SentenceEmbedder embedder;
    private final Map<Condition, Match> memo = new HashMap<>();
    /** Per semantic condition evaluated, the best similarity of any sentence in scope (how near it came to flipping). */
    private final Map<Condition.Semantic, Double> nearest = new HashMap<>();
    private final SentenceVectors vectors;
    private int depth;

    public RuleEvaluator(ConversationText text, ConversationAttributes attributes, Map<String, Condition> library,
                         SentenceEmbedder embedder) {
        this.text = text;
        this.attributes = attributes == null ? ConversationAttributes.unknown() : attributes;
        this.library = library == null ? Map.of() : library;
        this.embedder = embedder;
        this.vectors = new SentenceVectors(text.sentences().size(), embedder);
    }

    private RuleEvaluator(ConversationText text, RuleEvaluator from) {
        this.text = text;
        this.attributes = from.attributes;
        this.library = from.library;
        this.embedder = from.embedder;
        this.vectors = from.vectors;
    }

    /**
     * This evaluator for the same conversation with other speaker labels (roles swapped): the sentences are the same, so
     * the vectors already computed are kept; matches are not, since they depend on who said what. Falls back to a fresh
     * evaluator if the sentences differ.
     */
    public RuleEvaluator relabelled(ConversationText relabelled) {
        List<Sentence> mine = text.sentences();
        List<Sentence> theirs = relabelled.sentences();
        boolean same = mine.size() == theirs.size();
        for (int i = 0; same && i < mine.size(); i++) {
            same = mine.get(i).text().equals(theirs.get(i).text()) && mine.get(i).index() == theirs.get(i).index();
        }
        return same ? new RuleEvaluator(relabelled, this) : new RuleEvaluator(relabelled, attributes, library, embedder);
    }

    public ConversationText text() {
        return text;
    }

    public Match evaluate(Condition condition) {
        Match cached = memo.get(condition);
        if (cached != null) {
            return cached;
        }
        if (++depth > 64) {
            throw new IllegalStateException("condition nesting too deep (a reference cycle?)");
        }
        try {
            Match m = compute(condition);
            memo.put(condition, m);
            return m;
        } finally {
            depth--;
        }
    }

    private Match compute(Condition condition) {
        return switch (condition) {
            case Condition.Phrase p -> phrase(p);
            case Condition.Regex r -> regex(r);
            case Condition.Semantic s -> semantic(s);
            case Condition.Question q -> Match.of(inScope(q.scope()).stream().filter(RuleEvaluator::isQuestion).toList());
            case Condition.Interruption i -> interruption(i.by());
            case Condition.AgentName a -> agentName(a.scope());
            case Condition.Attribute a -> attributeHolds(a) ? Match.YES : Match.NO;
            case Condition.AnyOf any -> {
                boolean met = false;
                List<Match> parts = new ArrayList<>();
                for (Condition c : any.conditions()) {
                    Match m = evaluate(c);
                    met |= m.met();
                    if (m.met()) {
                        parts.add(m);
                    }
                }
                yield new Match(met, union(parts));
            }
            case Condition.AllOf all -> {
                List<Match> parts = new ArrayList<>();
                for (Condition c : all.conditions()) {
                    Match m = evaluate(c);
                    if (!m.met()) {
                        yield Match.NO;
                    }
                    parts.add(m);
                }
                yield new Match(true, union(parts));
            }
            case Condition.Not not -> evaluate(not.condition()).met() ? Match.NO : Match.YES;
            case Condition.Before b -> {
                Match first = evaluate(b.first());
                if (!first.met()) {
                    yield Match.NO;
                }
                Match then = evaluate(b.then());
                if (then.hits().isEmpty() || first.first() == null || first.first().turn() <= then.first().turn()) {
                    yield first;
                }
                yield Match.NO;
            }
            case Condition.Count c -> {
                Match m = evaluate(c.condition());
                yield m.hits().size() >= c.min() ? m : new Match(false, m.hits());
            }
            case Condition.Ref ref -> {
                Condition target = library.get(ref.name());
                if (target == null) {
                    throw new IllegalStateException("unknown condition '" + ref.name() + "'");
                }
                yield evaluate(target);
            }
        };
    }

    // ---- scope -------------------------------------------------------------------------------

    public List<Sentence> inScope(Scope scope) {
        if (!languageOk(scope.languages())) {
            return List.of();
        }
        List<Sentence> out = new ArrayList<>();
        Speaker only = scope.speaker() == SpeakerScope.AGENT ? Speaker.AGENT
                : scope.speaker() == SpeakerScope.CUSTOMER ? Speaker.CUSTOMER : null;
        for (Sentence s : text.sentences()) {
            if (!scope.speaker().includes(s.speaker()) || !inWindow(s, scope.window(), only)) {
                continue;
            }
            if (!scope.exclude().isEmpty() && s.hasAny(scope.exclude())) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private boolean languageOk(List<String> languages) {
        if (languages.isEmpty()) {
            return true;
        }
        for (String l : languages) {
            if (text.isLanguage(l)) {
                return true;
            }
        }
        return false;
    }

    private boolean inWindow(Sentence s, Window w, Speaker only) {
        if (w == null) {
            return true;
        }
        if (w.firstTurns() != null || w.lastTurns() != null) {
            int ordinal = only == null ? s.turn() : text.speakerOrdinal(s.turn());
            int count = only == null ? text.turns().size() : text.turnCount(only);
            if (w.firstTurns() != null) {
                return ordinal < w.firstTurns();
            }
            return count - ordinal <= w.lastTurns();
        }
        if (w.firstSeconds() != null) {
            return s.start() <= w.firstSeconds();
        }
        return s.start() >= text.end() - w.lastSeconds();
    }

    // ---- leaves ------------------------------------------------------------------------------

    private Match phrase(Condition.Phrase p) {
        List<Sentence> candidates = inScope(p.scope());
        List<Sentence> hits = new ArrayList<>();
        if (p.all().isEmpty()) {
            boolean scripted = scripted(p.scope());
            for (Sentence s : candidates) {
                if (s.hasAny(p.any()) || scripted && heard(s, p.any())) {
                    hits.add(s);
                }
            }
            return Match.of(hits);
        }
        Map<Integer, List<Sentence>> byTurn = new TreeMap<>();
        for (Sentence s : candidates) {
            byTurn.computeIfAbsent(s.turn(), k -> new ArrayList<>()).add(s);
        }
        for (List<Sentence> turn : byTurn.values()) {
            boolean every = true;
            for (String phrase : p.all()) {
                every &= turn.stream().anyMatch(s -> s.has(phrase));
            }
            boolean anyOk = p.any().isEmpty() || turn.stream().anyMatch(s -> s.hasAny(p.any()));
            if (every && anyOk) {
                for (Sentence s : turn) {
                    if (s.hasAny(p.all()) || s.hasAny(p.any())) {
                        hits.add(s);
                    }
                }
            }
        }
        return Match.of(hits);
    }

    /**
     * A phrase listened for at the opening or the close of a recognised conversation: a scripted line, which a speech
     * engine may have written as words that only sound like it ({@link SoundsLike}).
     */
    private boolean scripted(Scope scope) {
        Window w = scope.window();
        return text.restored() && w != null && (w.firstTurns() != null || w.lastTurns() != null);
    }

    private boolean heard(Sentence s, List<String> phrases) {
        Set<String> unsure = text.unsureWords(s.turn());
        return phrases.stream().anyMatch(x -> SoundsLike.heard(s, x, SoundsLike.TOLERANCE, unsure));
    }

    private Match regex(Condition.Regex r) {
        Pattern pattern = pattern(r.pattern(), r.caseSensitive());
        List<Sentence> hits = new ArrayList<>();
        for (Sentence s : inScope(r.scope())) {
            if (pattern.matcher(r.caseSensitive() ? s.punctuated() : s.folded()).find()) {
                hits.add(s);
            }
        }
        return Match.of(hits);
    }

    public static Pattern pattern(String regex, boolean caseSensitive) {
        return PATTERNS.computeIfAbsent((caseSensitive ? "C:" : "i:") + regex,
                k -> Pattern.compile(regex, caseSensitive ? Pattern.UNICODE_CASE : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private Match semantic(Condition.Semantic s) {
        if (embedder == null || s.examples().isEmpty()) {
            return Match.NO;
        }
        List<Sentence> candidates = inScope(s.scope()).stream().filter(x -> x.wordCount() >= SEMANTIC_MIN_WORDS).toList();
        if (candidates.isEmpty()) {
            return Match.NO;
        }
        ensureEmbedded(candidates);
        List<float[]> examples = embedder.embedExamples(s.examples());
        List<Sentence> hits = new ArrayList<>();
        double nearestSimilarity = -1;
        for (Sentence c : candidates) {
            double best = SentenceEmbedder.best(vectors.of(c), examples);
            nearestSimilarity = Math.max(nearestSimilarity, best);
            if (best >= s.threshold()) {
                hits.add(c);
            }
        }
        nearest.put(s, nearestSimilarity);
        return Match.of(hits);
    }

    /** Best cosine similarity of the sentence with any example (for diagnostics and the evaluation). */
    public double similarity(Sentence sentence, List<String> examples) {
        ensureEmbedded(List.of(sentence));
        double best = -1;
        for (float[] e : embedder.embedExamples(examples)) {
            best = Math.max(best, SentenceEmbedder.cosine(vectors.of(sentence), e));
        }
        return best;
    }

    private void ensureEmbedded(List<Sentence> sentences) {
        vectors.ensure(sentences);
    }

    /** Whether the sentence is a short reply whose vector the embedder memoises: it recurs, call after call. */
    public static boolean memoised(Sentence sentence) {
        return SentenceVectors.memoised(sentence);
    }

    /** The sentence's unit embedding (computed once per conversation, shared by the rules and the judges); null without a model. */
    public float[] vector(Sentence sentence) {
        if (embedder == null) {
            return null;
        }
        ensureEmbedded(List.of(sentence));
        return vectors.of(sentence);
    }

    /** Embeds the sentences in one batch (cheaper than one by one). */
    public void embed(List<Sentence> sentences) {
        if (embedder != null) {
            ensureEmbedded(sentences);
        }
    }

    /**
     * The best similarity any sentence in scope reached for a semantic condition already evaluated, or
     * empty when it had no candidates (then nothing could have made it hold).
     */
    public java.util.OptionalDouble nearestSimilarity(Condition.Semantic s) {
        Double d = nearest.get(s);
        return d == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(d);
    }

    /** A named condition of the config's library. */
    public Condition referenced(String name) {
        Condition target = library.get(name);
        if (target == null) {
            throw new IllegalStateException("unknown condition '" + name + "'");
        }
        return target;
    }

    /** The model behind the vectors (prototype utterances are embedded through it, memoised), or null. */
    public SentenceEmbedder embedder() {
        return embedder;
    }

    /** Sentences embedded so far (the embedding model's share of the work). */
    public int embeddedSentences() {
        return vectors.count();
    }

    /** A question asked in words ({@link Questions}). */
    public static boolean isQuestion(Sentence s) {
        return Questions.isQuestion(s);
    }

    private Match interruption(SpeakerScope by) {
        List<Turn> turns = text.turns();
        List<Sentence> hits = new ArrayList<>();
        for (int i = 1; i < turns.size(); i++) {
            Turn t = turns.get(i);
            if (!by.includes(t.speaker()) || t.speaker() == Speaker.UNKNOWN) {
                continue;
            }
            for (int j = i - 1; j >= 0; j--) {
                Turn prev = turns.get(j);
                if (prev.speaker() != t.speaker() && prev.speaker() != Speaker.UNKNOWN) {
                    if (t.start() < prev.end() - 1e-6 && !text.sentencesOf(i).isEmpty()) {
                        hits.add(text.sentencesOf(i).get(0));
                    }
                    break;
                }
            }
        }
        return Match.of(hits);
    }

    private Match agentName(Scope scope) {
        String name = firstName(attributes.agentName());
        if (name == null) {
            return Match.NO;
        }
        List<Sentence> hits = new ArrayList<>();
        for (Sentence s : inScope(scope)) {
            if (s.has(name)) {
                hits.add(s);
            }
        }
        return Match.of(hits);
    }

    /** "Mia (AI assistant, Luxe Hair)" -> "mia"; unknown or generic names -> null. */
    static String firstName(String agentName) {
        if (agentName == null) {
            return null;
        }
        String base = agentName.replaceAll("\\(.*?\\)", " ").strip();
        if (base.isEmpty()) {
            return null;
        }
        String first = Normalizer.words(base).strip().split(" ")[0];
        if (first.length() < 2 || Set.of("unknown", "agent", "ai", "the", "sales", "bot", "assistant", "n", "na")
                .contains(first)) {
            return null;
        }
        return first;
    }

    private boolean attributeHolds(Condition.Attribute a) {
        if (!a.channels().isEmpty() && (attributes.channel() == null || !a.channels().contains(attributes.channel()))) {
            return false;
        }
        if (!a.directions().isEmpty()
                && (attributes.direction() == null || !a.directions().contains(attributes.direction()))) {
            return false;
        }
        if (!a.tagsAny().isEmpty()
                && a.tagsAny().stream().noneMatch(t -> attributes.tags().contains(t.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        return languageOk(a.languages());
    }

    private static List<Sentence> union(List<Match> parts) {
        if (parts.size() == 1) {
            return parts.get(0).hits();
        }
        TreeMap<Integer, Sentence> all = new TreeMap<>();
        for (Match m : parts) {
            for (Sentence s : m.hits()) {
                all.put(s.index(), s);
            }
        }
        return new ArrayList<>(all.values());
    }
}
