package io.verbatim.ask.internal;

import io.verbatim.ask.AccessKeys;
import io.verbatim.ask.PassageFilter;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.HybridSearcher.Hit;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The retrieval engine's index and search path without Spring or PostgreSQL, for benchmarks of other modules
 * (public because they live in their own packages): passages are embedded with the engine's model and written as
 * the replica writes them ({@link PassageDocuments}); searches run {@link HybridSearcher} under a collection filter,
 * exactly as {@link PassageEngine#search} does.
 */
public final class PassageSearchHarness implements AutoCloseable {

    private static final String TENANT = "harness";

    /** A passage found: its source, text and page. */
    public record Found(UUID sourceId, String text, Integer page) {
    }

    private final Embedder embedder;
    private final TenantIndexes indexes;
    private final HybridSearcher searcher;
    private final UUID collection = UUID.randomUUID();
    private long seq;

    public PassageSearchHarness() throws IOException {
        this("minilm");
    }

    /** @param model {@code minilm} (the transformer) or {@code static} (its distilled static embeddings) */
    public PassageSearchHarness(String model) throws IOException {
        this(model, Double.NaN);
    }

    /** @param minSimilarity the hybrid search's cosine floor; NaN: the engine's default for the model */
    public PassageSearchHarness(String model, double minSimilarity) throws IOException {
        this.embedder = embedder(model);
        this.indexes = new TenantIndexes(Files.createTempDirectory("passage-harness-"));
        AskProperties p = AskProperties.defaults();
        this.searcher = HybridSearcher.forModel(p, embedder, Double.isNaN(minSimilarity) ? embedder.minSimilarity(p.minSimilarity()) : minSimilarity);
    }

    /** The engine's embedder (batched ONNX runs), for benchmarks outside this package. */
    public static java.util.function.Function<List<String>, List<float[]>> engineEmbedder() {
        return engineEmbedder("minilm");
    }

    /** An embedder the engine can run: {@code minilm} or {@code static}. */
    public static java.util.function.Function<List<String>, List<float[]>> engineEmbedder(String model) {
        return embedder(model)::embedAll;
    }

    static Embedder embedder(String model) {
        return switch (model) {
            case "minilm" -> new MiniLmEmbedder();
            case "static" -> new StaticEmbedder();
            case "minilm-batched" -> FormerBatchedMiniLm.asEmbedder(); // the engine's MiniLM path until 2026-12-06
            case "langchain4j" -> FormerBatchedMiniLm.langChain4j(); // LangChain4j's model itself
            default -> throw new IllegalArgumentException("unknown embedding model " + model + " (minilm, static, minilm-batched, langchain4j)");
        };
    }

    /** Embeds (one call for the source's passages, as {@link PassageEngine} does) and indexes one source. */
    public void add(UUID sourceId, List<SourcePassage> passages) {
        List<float[]> vectors = embedder.embedAll(passages.stream().map(SourcePassage::text).toList());
        List<org.apache.lucene.document.Document> docs = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            docs.add(PassageDocuments.document(TENANT, SourceKind.DOCUMENT, sourceId, i, passages.get(i), vectors.get(i),
                    embedder.modelId(), AccessKeys.collection(collection)));
        }
        TenantIndex index = indexes.current(TENANT);
        index.replace(PassageDocuments.sourceTerm(SourceKind.DOCUMENT, sourceId), docs);
        index.commit(++seq);
    }

    /** The top {@code k} passages for the question; {@code mode} is bm25, vector or hybrid. */
    public List<Found> search(String question, int k, String mode) {
        Mode m = Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        float[] vector = m == Mode.BM25 ? null : embedder.embed(question);
        var filter = PassageFilters.toQuery(TENANT, PassageFilter.documents(Set.of(collection)));
        List<Hit> hits = searcher.search(indexes.current(TENANT), question, vector, filter, k, m);
        return hits.stream().map(h -> {
            var page = h.document().getField(PassageDocuments.PAGE);
            return new Found(UUID.fromString(h.document().get(PassageDocuments.SOURCE_ID)), h.document().get(ChunkDocuments.TEXT),
                    page == null ? null : page.numericValue().intValue());
        }).toList();
    }

    /** A fusion candidate: a passage with its rank in the BM25 and the vector list (0: not in it) and its cosine to the question. */
    public record Candidate(Found found, int bm25Rank, int vectorRank, double similarity, double coverage) {
    }

    /**
     * Every candidate the hybrid search fuses for the question (each list's top 50), unfiltered by similarity when the
     * harness was made with minimum similarity 0: what {@code FusionCrossValidation} re-fuses with other weights.
     */
    public List<Candidate> candidates(String question) {
        float[] vector = embedder.embed(question);
        var filter = PassageFilters.toQuery(TENANT, PassageFilter.documents(Set.of(collection)));
        List<Hit> hits = searcher.search(indexes.current(TENANT), question, vector, filter, 1000, Mode.HYBRID);
        return hits.stream().map(h -> {
            var page = h.document().getField(PassageDocuments.PAGE);
            return new Candidate(new Found(UUID.fromString(h.document().get(PassageDocuments.SOURCE_ID)), h.document().get(ChunkDocuments.TEXT),
                    page == null ? null : page.numericValue().intValue()), h.bm25Rank(), h.vectorRank(), h.similarity(), h.coverage());
        }).toList();
    }

    /** The load average (1, 5, 15 minutes), for benchmark reports. */
    public static String loadAverage() {
        return RetrievalEvaluation.loadAverage();
    }

    /** The engine's minimum similarity for {@code model}'s cosines (what a harness made with NaN uses). */
    /** The embedding models a cross-validation tool compares: {@code --models minilm,static} (both by default). */
    public static List<String> models(String[] args) {
        List<String> models = List.of("minilm", "static");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--models") && i + 1 < args.length) {
                models = List.of(args[++i].split(","));
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i] + " (usage: [--models minilm,static])");
            }
        }
        return models;
    }

    /** The part of a passage the answer judge reads for the question, at most {@code tokens} model tokens ({@link AnswerJudge#window}). */
    public static String judgeWindow(String question, String text, int tokens) {
        return AnswerJudge.window(text, AnswerJudge.questionTerms(question), tokens);
    }

    public static double defaultMinSimilarity(String model) {
        return embedder(model).minSimilarity(AskProperties.defaults().minSimilarity());
    }

    @Override
    public void close() {
        indexes.closeAll();
    }
}
