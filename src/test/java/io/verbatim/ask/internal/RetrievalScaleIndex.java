package io.verbatim.ask.internal;

import io.verbatim.ask.AccessKeys;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.RetrievalEvaluation.Call;
import io.verbatim.speech.Turn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The index {@link RetrievalScaleBenchmark} searches: document pages and calls in one tenant, written as a replica
 * writes them ({@link PassageDocuments}), with the vectors of {@code embedder}'s model in its field.
 */
final class RetrievalScaleIndex {

    private RetrievalScaleIndex() {
    }

    static void build(TenantIndex index, int pageCount, int callCount, List<Call> calls, Embedder embedder, Chunker chunker,
                              ChunkDocuments chunkDocuments, Random random, String tenant, UUID[] collections, UUID[] teams, UUID[] agents,
                              Instant now) throws Exception {
        long tv = System.nanoTime();
        List<String> sentences = new ArrayList<>();
        calls.forEach(c -> c.turns().stream().map(Turn::text).filter(t -> t.length() > 40).forEach(sentences::add));
        int basePages = 400;
        List<String> baseText = new ArrayList<>();
        for (int i = 0; i < basePages; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 6 + random.nextInt(7);
            for (int s = 0; s < n; s++) {
                sb.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            baseText.add(sb.toString().strip());
        }
        List<float[]> baseVectors = embedder.embedAll(baseText);
        List<List<Chunk>> variantChunks = new ArrayList<>();
        List<List<float[]>> variantVectors = new ArrayList<>();
        List<Call> variantCalls = new ArrayList<>();
        for (Call call : calls) {
            for (int v = 0; v < 8; v++) {
                List<Chunk> chunks = chunker.chunk(RetrievalEvaluation.variant(call, random));
                variantChunks.add(chunks);
                variantVectors.add(embedder.embedAll(chunks.stream().map(Chunk::text).toList()));
                variantCalls.add(call);
            }
        }
        double embedSeconds = (System.nanoTime() - tv) / 1e9;

        long t0 = System.nanoTime();
        long passages = 0;
        for (int d = 0; d < pageCount / 10; d++) { // documents of 10 pages
            UUID doc = UUID.randomUUID();
            AccessKeys access = AccessKeys.collection(collections[random.nextInt(collections.length)]);
            List<org.apache.lucene.document.Document> docs = new ArrayList<>();
            for (int pg = 0; pg < 10; pg++) {
                int b = random.nextInt(basePages);
                docs.add(PassageDocuments.document(tenant, SourceKind.DOCUMENT, doc, pg, SourcePassage.page(baseText.get(b), pg + 1),
                        RetrievalEvaluation.noisy(baseVectors.get(b), random), embedder.modelId(), access));
            }
            index.replace(PassageDocuments.sourceTerm(SourceKind.DOCUMENT, doc), docs);
            passages += docs.size();
        }
        for (int c = 0; c < callCount; c++) {
            int v = random.nextInt(variantChunks.size());
            UUID id = UUID.randomUUID();
            UUID team = random.nextInt(10) == 0 ? null : teams[random.nextInt(teams.length)];
            ConversationFacts facts = RetrievalEvaluation.facts(id, tenant, variantCalls.get(v), agents[random.nextInt(agents.length)],
                    team, now.minus(random.nextInt(180 * 24), ChronoUnit.HOURS), List.of());
            List<float[]> vectors = variantVectors.get(v).stream().map(x -> RetrievalEvaluation.noisy(x, random)).toList();
            var docs = callDocuments(chunkDocuments, facts, variantChunks.get(v), vectors, embedder.modelId());
            index.replace(PassageDocuments.sourceTerm(SourceKind.CONVERSATION, id), docs);
            passages += docs.size();
        }
        index.commit(1);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "   %,d document pages + %,d calls in one tenant = %,d passages; %d base pages and "
                + "%d call variants embedded in %.1f s; index built in %.1f s; %d segments%n", pageCount, callCount, passages,
                basePages, variantChunks.size(), embedSeconds, buildSeconds, index.search(s -> s.getIndexReader().leaves().size()));

    }

    /** A call's Lucene documents as a replica builds them from the stored passages, in {@code model}'s vector field. */
    private static List<org.apache.lucene.document.Document> callDocuments(ChunkDocuments chunkDocuments, ConversationFacts facts,
                                                                          List<Chunk> chunks, List<float[]> vectors, String model) {
        List<SourcePassage> passages = chunkDocuments.passages(facts, chunks);
        AccessKeys access = ChunkDocuments.access(facts);
        List<org.apache.lucene.document.Document> docs = new ArrayList<>(chunks.size());
        for (int c = 0; c < chunks.size(); c++) {
            docs.add(PassageDocuments.document(facts.tenant(), SourceKind.CONVERSATION, facts.conversationId(), chunks.get(c).seq(),
                    passages.get(c), vectors.get(c), model, access));
        }
        return docs;
    }
}
