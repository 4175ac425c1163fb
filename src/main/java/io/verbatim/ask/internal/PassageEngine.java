package io.verbatim.ask.internal;

import io.verbatim.ask.IndexSource;
import io.verbatim.ask.PassageHit;
import io.verbatim.ask.PassageQuery;
import io.verbatim.ask.RetrievalEngine;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.HybridSearcher.Hit;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retrieval engine: writes go to PostgreSQL (passages, embeddings, the change sequence) and this
 * node's replica applies them once committed; searches run on the replica with the caller's filter as
 * a pre-filter of both BM25 and the vector search.
 */
@Service
class PassageEngine implements RetrievalEngine {

    private final PassageStore store;
    private final ReplicaFollower replica;
    private final TenantIndexes indexes;
    private final Embedder embedder;
    private final HybridSearcher searcher;
    private final AnswerJudge judge;
    private final TransactionTemplate transaction;

    PassageEngine(PassageStore store, ReplicaFollower replica, TenantIndexes indexes, Embedder embedder, AskProperties properties,
                  AnswerJudge judge, PlatformTransactionManager transactions) {
        this.store = store;
        this.replica = replica;
        this.indexes = indexes;
        this.embedder = embedder;
        this.judge = judge;
        this.searcher = HybridSearcher.forModel(properties, embedder);
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public long index(IndexSource source) {
        String tenant = source.tenant().value();
        List<float[]> vectors = source.passages().isEmpty() ? List.of()
                : embedder.embedAll(source.passages().stream().map(SourcePassage::text).toList());
        Long seq = TenantContext.callAs(source.tenant(), () -> transaction.execute(tx -> {
            long s = source.passages().isEmpty()
                    ? store.remove(tenant, source.kind(), source.sourceId())
                    : store.write(tenant, source.kind(), source.sourceId(), source.version(), source.passages(), vectors,
                            embedder.modelId(), source.access());
            afterCommit(tenant);
            return s;
        }));
        return seq == null ? 0 : seq;
    }

    @Override
    public long remove(TenantId tenant, SourceKind kind, UUID sourceId) {
        Long seq = TenantContext.callAs(tenant, () -> transaction.execute(tx -> {
            long s = store.remove(tenant.value(), kind, sourceId);
            afterCommit(tenant.value());
            return s;
        }));
        return seq == null ? 0 : seq;
    }

    /** This node applies its own writes once they are committed (the caller's transaction, when it has one). */
    private void afterCommit(String tenant) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                replica.catchUp(tenant);
            }
        });
    }

    @Override
    public List<PassageHit> search(PassageQuery query) {
        String tenant = query.tenant().value();
        float[] vector = embedder.embed(query.query());
        Query filter = PassageFilters.toQuery(tenant, query.filter());
        List<String> terms = searcher.terms(query.query());
        List<Hit> hits = searcher.search(indexes.current(tenant), query.query(), vector, filter, query.k(), Mode.HYBRID);
        List<PassageHit> out = new ArrayList<>(hits.size());
        for (AnswerJudge.Judged j : judge.judge(query.query(), hits)) {
            out.add(hit(j.hit(), terms, j.similarity(), j.answers()));
        }
        return out;
    }

    private static PassageHit hit(Hit h, List<String> terms, double similarity, boolean answers) {
        Document d = h.document();
        String text = d.get(ChunkDocuments.TEXT);
        var page = d.getField(PassageDocuments.PAGE);
        var second = d.getField(PassageDocuments.SECOND);
        return new PassageHit(SourceKind.fromWire(d.get(PassageDocuments.KIND)), UUID.fromString(d.get(PassageDocuments.SOURCE_ID)),
                h.id(), d.getField(ChunkDocuments.SEQ).numericValue().intValue(),
                page == null ? null : page.numericValue().intValue(), second == null ? null : second.numericValue().doubleValue(),
                d.get(PassageDocuments.SPEAKER), Quotes.excerpt(text == null ? "" : text, terms), text, h.score(), similarity,
                answers, PassageDocuments.metadata(d));
    }

    @Override
    public boolean awaitReplica(TenantId tenant, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long head = replica.head(tenant.value());
        while (replica.applied(tenant.value()) < head) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            replica.catchUp(tenant.value());
        }
        return true;
    }

    @Override
    public ReplicaStatus status(TenantId tenant) {
        String t = tenant.value();
        return new ReplicaStatus(t, replica.head(t), replica.applied(t), replica.passages(t), indexes.current(t).passages());
    }
}
