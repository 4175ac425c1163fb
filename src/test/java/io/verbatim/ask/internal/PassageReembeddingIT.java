package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ask.AccessKeys;
import io.verbatim.ask.IndexSource;
import io.verbatim.ask.PassageFilter;
import io.verbatim.ask.PassageHit;
import io.verbatim.ask.PassageQuery;
import io.verbatim.ask.RetrievalEngine;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import io.verbatim.pipeline.PipelineProperties;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Changing the engine's embedding model: passages of the old model are re-embedded by the background job, durably
 * (the recorded model is the work list), per tenant under row-level security, and replicas index them in the new
 * model's field, so a question embedded by one model never meets vectors of the other.
 */
class PassageReembeddingIT extends PlatformTest {

    @Autowired
    Tenants tenants;
    @Autowired
    PassageStore store;
    @Autowired
    ReplicaFollower replica;
    @Autowired
    TenantIndexes indexes;
    @Autowired
    PipelineProperties pipeline;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    RetrievalEngine engine;
    @Autowired
    Embedder embedder;
    @Autowired
    JdbcClient jdbc;

    @Test
    void passagesOfTheOldModelAreReembeddedPerTenantAndSearchedOnlyWithTheirOwnModel() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TenantId a = new TenantId("reembed-a-" + suffix);
        TenantId b = new TenantId("reembed-b-" + suffix);
        tenants.create(a, "Re-embed A " + suffix, StorageMode.SHARED, null);
        tenants.create(b, "Re-embed B " + suffix, StorageMode.SHARED, null);
        UUID collection = UUID.randomUUID();
        UUID docA = UUID.randomUUID();
        UUID docB = UUID.randomUUID();
        List<SourcePassage> pages = List.of(SourcePassage.page("Gutter cleaning costs 120 dollars per visit; seniors get ten percent off.", 1),
                SourcePassage.page("Refunds are paid within fourteen days of a written request.", 2));
        engine.index(new IndexSource(a, SourceKind.DOCUMENT, docA, 1, pages, AccessKeys.collection(collection)));
        engine.index(new IndexSource(b, SourceKind.DOCUMENT, docB, 1, pages, AccessKeys.collection(collection)));
        assertThat(models(a)).containsOnly(embedder.modelId());

        // The other model than the engine's: the job moves the tenant's passages to it.
        Embedder next = embedder.modelId().equals(StaticEmbedder.MODEL) ? new MiniLmEmbedder() : new StaticEmbedder();
        PassageReembedding job = new PassageReembedding(tenants, store, next, replica, pipeline, transactions);
        int rewritten = TenantContext.callAs(a, () -> job.tenant(a.value()));

        assertThat(rewritten).isEqualTo(1);
        assertThat(models(a)).containsOnly(next.modelId());
        assertThat(models(b)).as("another tenant's passages are not touched").containsOnly(embedder.modelId());
        // Durable and idempotent: a second pass (a restart) finds nothing left to do.
        assertThat(TenantContext.callAs(a, () -> job.tenant(a.value()))).isZero();

        // The replica applied the rewrite: the new model's question finds the passage by its vector alone...
        AskProperties p = AskProperties.defaults();
        HybridSearcher nextSearch = HybridSearcher.forModel(p, next);
        var filter = PassageFilters.toQuery(a.value(), PassageFilter.documents(Set.of(collection)));
        var found = nextSearch.search(indexes.current(a.value()), "how much is gutter cleaning", next.embed("how much is gutter cleaning"),
                filter, 5, Mode.VECTOR);
        assertThat(found).isNotEmpty();
        assertThat(found.getFirst().document().get(ChunkDocuments.TEXT)).contains("Gutter cleaning");
        // ...while the old model's question meets no vector of the new model (BM25 still finds the words).
        HybridSearcher oldSearch = HybridSearcher.forModel(p, embedder);
        assertThat(oldSearch.search(indexes.current(a.value()), "how much is gutter cleaning", embedder.embed("how much is gutter cleaning"),
                filter, 5, Mode.VECTOR)).isEmpty();
        List<PassageHit> words = engine.search(new PassageQuery(a, "gutter cleaning", 5, PassageFilter.documents(Set.of(collection))));
        assertThat(words).extracting(PassageHit::sourceId).contains(docA);
    }

    private List<String> models(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> new org.springframework.transaction.support.TransactionTemplate(transactions).execute(tx ->
                jdbc.sql("SELECT DISTINCT embedding_model FROM retrieval_passages WHERE tenant_id = ?").params(tenant.value())
                        .query(String.class).list()));
    }
}
