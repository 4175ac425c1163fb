package io.verbatim.ask.internal;

import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.apache.lucene.document.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this node's Lucene indexes a replica of the passages in PostgreSQL: each tenant's index records
 * the change sequence number it has applied (in its Lucene commit), and catching up applies every source
 * changed after it, read in one snapshot, oldest change first. A node with an empty data directory thus
 * rebuilds every tenant's index from PostgreSQL. What other nodes write arrives by notification
 * ({@link ReplicaNotifications}, {@link #wake}); the poll is the fallback.
 */
@Component
class ReplicaFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplicaFollower.class);
    private final PassageStore store;
    private final TenantIndexes indexes;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate plain;
    private final RetrievalProperties properties;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong woken = new java.util.concurrent.atomic.AtomicLong();
    private volatile ScheduledExecutorService poller;

    ReplicaFollower(PassageStore store, TenantIndexes indexes, PlatformTransactionManager transactions,
                    RetrievalProperties properties) {
        this.store = store;
        this.indexes = indexes;
        this.properties = properties;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        // Their own transactions: catching up also runs right after a writer's commit, inside its synchronisation.
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.plain = new TransactionTemplate(transactions);
        this.plain.setReadOnly(true);
        this.plain.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The change this node's index of {@code tenant} has applied up to. */
    long applied(String tenant) {
        return applied.computeIfAbsent(tenant, t -> indexes.current(t).appliedSeq());
    }

    /** Applies every committed change of the tenant not yet in this node's index; returns the position reached. */
    long catchUp(String tenant) {
        synchronized (locks.computeIfAbsent(tenant, t -> new Object())) {
            long from = applied(tenant);
            TenantId id = new TenantId(tenant);
            while (true) {
                long after = from;
                List<PassageStore.Change> changes = TenantContext.callAs(id,
                        () -> snapshot.execute(tx -> store.changes(tenant, after, properties.applyBatch())));
                if (changes == null || changes.isEmpty()) {
                    return from;
                }
                Lock lock = indexes.lock(tenant).readLock();
                lock.lock();
                try {
                    TenantIndex index = indexes.current(tenant);
                    for (PassageStore.Change c : changes) {
                        index.replace(PassageDocuments.sourceTerm(c.kind(), c.sourceId()), documents(tenant, c));
                        from = c.seq();
                    }
                    index.commit(from);
                } finally {
                    lock.unlock();
                }
                applied.put(tenant, from);
            }
        }
    }

    private static List<Document> documents(String tenant, PassageStore.Change c) {
        List<Document> docs = new ArrayList<>(c.passages().size());
        for (PassageStore.Stored p : c.passages()) {
            docs.add(PassageDocuments.document(tenant, c.kind(), c.sourceId(), p.seq(), p.passage(), p.vector(), p.model(), c.access()));
        }
        return docs;
    }

    /** The tenant's head in PostgreSQL. */
    long head(String tenant) {
        return TenantContext.callAs(new TenantId(tenant), () -> plain.execute(tx -> store.head(tenant)));
    }

    long passages(String tenant) {
        return TenantContext.callAs(new TenantId(tenant), () -> plain.execute(tx -> store.passages(tenant)));
    }

    /**
     * Another node committed a change of {@code tenant} (null: of any tenant): catch up on the replica's own
     * thread, at once, rather than at the next poll.
     */
    void wake(String tenant) {
        ScheduledExecutorService s = poller;
        if (s == null) {
            return;
        }
        try {
            s.execute(() -> {
                try {
                    if (tenant == null || tenant.isBlank()) {
                        poll();
                    } else {
                        long before = applied(tenant);
                        if (catchUp(tenant) > before) {
                            woken.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    log.warn("Retrieval replica catch-up of {} failed: {}", tenant, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    /** Catch-ups run because of a notification (for tests and the benchmark). */
    long woken() {
        return woken.get();
    }

    /** One poll: every tenant whose head is past this node's position catches up. */
    void poll() {
        for (PassageStore.Head head : store.heads()) {
            if (head.seq() > applied(head.tenant())) {
                long reached = catchUp(head.tenant());
                log.debug("Retrieval replica of {} caught up to {}", head.tenant(), reached);
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retrieval-replica");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, properties.replicaPoll().toMillis());
        s.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                log.warn("Retrieval replica poll failed: {}", e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        poller = s;
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = poller;
        poller = null;
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** Stop before the index files close and the database goes away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
