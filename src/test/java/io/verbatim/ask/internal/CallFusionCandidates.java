package io.verbatim.ask.internal;

import io.verbatim.ask.internal.HybridSearcher.Hit;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import io.verbatim.conversations.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls quality set of {@code scripts/bench.sh ask} ({@link RetrievalEvaluation#QUESTIONS} over the test calls,
 * indexed as that evaluation indexes them) with every candidate its hybrid search fuses, for
 * {@code FusionCrossValidation}: per question, per chunk, the conversation, whether it answers, both ranks and the cosine.
 */
public final class CallFusionCandidates {

    /** One chunk: its conversation, whether that conversation answers the question, its ranks (0: not in the list), cosine. */
    public record Candidate(String conversation, boolean relevant, int bm25Rank, int vectorRank, double similarity, double coverage,
                            String text) {
    }

    /** The question and its candidates. */
    public record Asked(String question, List<Candidate> candidates) {
    }

    private CallFusionCandidates() {
    }

    public static List<Asked> collect(String model) throws IOException {
        return collect(model, List.of());
    }

    /** The set's question texts. */
    public static List<String> questions() {
        return RetrievalEvaluation.QUESTIONS.stream().map(RetrievalEvaluation.Question::text).toList();
    }

    /**
     * The set's questions, then {@code others}: questions these calls do not answer (every candidate not relevant), for
     * choosing the similarity floor below which the engine answers nothing ({@code RefusalFloorCrossValidation}).
     */
    public static List<Asked> collect(String model, List<String> others) throws IOException {
        Path root = Path.of(System.getProperty("verbatim.testdata", "../shared/testdata")).resolve("calls");
        List<RetrievalEvaluation.Call> calls = RetrievalEvaluation.loadCalls(root);
        AskProperties p = AskProperties.defaults();
        Embedder embedder = PassageSearchHarness.embedder(model);
        Chunker chunker = new Chunker(p.chunkTokens(), p.maxChunkTokens(), p.overlapTokens(), embedder::tokens);
        ChunkPipeline pipeline = new ChunkPipeline(chunker, embedder, new ChunkDocuments(JsonMapper.builder().build()));
        TenantIndexes indexes = new TenantIndexes(Files.createTempDirectory("call-fusion-"));
        try {
            TenantIndex index = indexes.current("eval");
            Map<UUID, String> names = new LinkedHashMap<>();
            List<ChunkPipeline.Prepared> batch = new ArrayList<>();
            for (RetrievalEvaluation.Call call : calls) {
                UUID id = UUID.nameUUIDFromBytes(call.id().getBytes());
                names.put(id, call.id());
                batch.add(pipeline.prepare(RetrievalEvaluation.facts(id, "eval", call, null, null, call.startedAt(), List.of()), call.turns()));
            }
            List<List<org.apache.lucene.document.Document>> docs = pipeline.documents(batch);
            for (int i = 0; i < batch.size(); i++) {
                index.replace(batch.get(i).facts().conversationId().toString(), docs.get(i));
            }
            index.commit();
            // The engine's fusion for the model, no floor; ChunkPipeline writes every model's vectors to the one field.
            HybridSearcher searcher = new HybridSearcher(p.candidates(), embedder.rrfK(p.rrfK()), embedder.vectorWeight(), 0, HybridSearcher.EXACT_BELOW,
                    ChunkDocuments.VECTOR);
            SearchFilter filter = SearchFilter.of("eval", new Visibility(Visibility.Scope.TENANT, null, null));
            List<Asked> out = new ArrayList<>();
            for (RetrievalEvaluation.Question q : RetrievalEvaluation.QUESTIONS) {
                List<Hit> hits = searcher.search(index, q.text(), embedder.embed(q.text()), filter.toQuery(), 1000, Mode.HYBRID);
                out.add(new Asked(q.text(), hits.stream().map(h -> new Candidate(names.get(h.conversationId()),
                        q.relevant().contains(names.get(h.conversationId())), h.bm25Rank(), h.vectorRank(), h.similarity(), h.coverage(),
                        h.document().get(ChunkDocuments.TEXT))).toList()));
            }
            for (String q : others) {
                List<Hit> hits = searcher.search(index, q, embedder.embed(q), filter.toQuery(), 1000, Mode.HYBRID);
                out.add(new Asked(q, hits.stream().map(h -> new Candidate(names.get(h.conversationId()), false, h.bm25Rank(), h.vectorRank(),
                        h.similarity(), h.coverage(), h.document().get(ChunkDocuments.TEXT))).toList()));
            }
            return out;
        } finally {
            indexes.closeAll();
        }
    }
}
