package io.verbatim.ask.internal;

import io.verbatim.pipeline.PipelineProperties;
import io.verbatim.platform.BackgroundPriority;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After {@code verbatim.retrieval.embedding-model} changed, passages embedded by the previous model are re-embedded with
 * the node's model, in the background at low priority. Durable without a queue of its own: the passages' recorded model
 * (V46) is the work list, so a restart resumes where it stopped; each source is rewritten in one transaction that bumps
 * the change sequence, and every replica re-applies it. Until then the vector half of a search does not see those
 * passages (their vectors sit in the other model's index field); BM25 finds them.
 */
@Component
class PassageReembedding {

    private static final Logger log = LoggerFactory.getLogger(PassageReembedding.class);
    private static final int BATCH = 50;
    private final Tenants tenants;
    private final PassageStore store;
    private final Embedder embedder;
    private final ReplicaFollower replica;
    private final PipelineProperties pipeline;
    private final TransactionTemplate transaction;

    PassageReembedding(Tenants tenants, PassageStore store, Embedder embedder, ReplicaFollower replica, PipelineProperties pipeline,
                       PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.store = store;
        this.embedder = embedder;
        this.replica = replica;
        this.pipeline = pipeline;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (pipeline.enabled()) {
            BackgroundPriority.threads("ask-reembed").newThread(this::run).start();
        }
    }

    /** Re-embeds every tenant's passages of another model; returns how many sources were rewritten. */
    int run() {
        int[] rewritten = {0};
        tenants.forEachActive(tenant -> TenantContext.runAs(tenant.id(), () -> {
            String t = tenant.id().value();
            try {
                rewritten[0] += tenant(t);
            } catch (RuntimeException e) {
                log.warn("Re-embedding the retrieval passages of {} failed (retried at the next start): {}", t, e.toString());
            }
        }));
        return rewritten[0];
    }

    int tenant(String tenant) {
        int done = 0;
        String model = embedder.modelId();
        while (true) {
            List<PassageStore.Stale> stale = transaction.execute(tx -> store.stale(tenant, model, BATCH));
            if (stale == null || stale.isEmpty()) {
                break;
            }
            if (done == 0) {
                log.info("Re-embedding retrieval passages of {} with {}", tenant, model);
            }
            int before = done;
            for (PassageStore.Stale s : stale) {
                Map<Integer, String> texts = transaction.execute(tx -> store.texts(tenant, s.kind(), s.sourceId()));
                List<float[]> vectors = embedder.embedAll(new ArrayList<>(texts.values()));
                Long seq = transaction.execute(tx -> store.reembed(tenant, s.kind(), s.sourceId(), texts, vectors, model));
                done += seq != null && seq > 0 ? 1 : 0;
            }
            replica.catchUp(tenant);
            if (done == before) {
                break; // nothing could be rewritten (texts changed under us): the next start looks again
            }
        }
        if (done > 0) {
            log.info("Re-embedded the passages of {} sources of {} with {}", done, tenant, model);
        }
        return done;
    }
}
