package io.verbatim.documents.internal;

import io.verbatim.ask.AccessKeys;
import io.verbatim.ask.IndexSource;
import io.verbatim.ask.RetrievalEngine;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import io.verbatim.storage.BlobContent;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes uploaded documents: extracting, chunking, embedding (into the retrieval engine), indexed; or failed
 * with a reason. Each step's status is committed before the next, so progress is visible; a document is held by
 * one node at a time through a lease, and a node that dies mid-way leaves it to the next scan after the lease.
 */
@Component
class DocumentProcessor {

    private static final Logger log = LoggerFactory.getLogger(DocumentProcessor.class);
    private static final int PER_SCAN = 50;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TenantStorage storage;
    private final Tenants tenants;
    private final TextExtractor extractor;
    private final DocumentProperties properties;
    private final ObjectProvider<RetrievalEngine> retrieval;

    DocumentProcessor(JdbcClient jdbc, PlatformTransactionManager transactions, TenantStorage storage, Tenants tenants,
                      TextExtractor extractor, DocumentProperties properties, ObjectProvider<RetrievalEngine> retrieval) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.storage = storage;
        this.tenants = tenants;
        this.extractor = extractor;
        this.properties = properties;
        this.retrieval = retrieval;
    }

    private record Claimed(UUID id, UUID collectionId, int version, String filename, String blobKey, int attempts, Instant createdAt) {
    }

    /** The scan: every tenant with documents to process (the look-up returns tenant ids only). */
    void drainAll() {
        List<String> due = jdbc.sql("SELECT documents_due_tenants()").query(String.class).list();
        for (String tenant : due) {
            TenantContext.runAs(new TenantId(tenant), () -> SystemAccess.run(this::drain));
        }
    }

    /** Processes the bound tenant's due documents, one at a time. */
    void drain() {
        for (int i = 0; i < PER_SCAN; i++) {
            Optional<Claimed> next = claim();
            if (next.isEmpty()) {
                return;
            }
            process(next.get());
        }
    }

    private Optional<Claimed> claim() {
        return transactions.execute(tx -> jdbc.sql("""
                UPDATE documents SET locked_until = now() + make_interval(secs => :lease), attempts = attempts + 1
                WHERE id = (SELECT id FROM documents WHERE tenant_id = :tenant AND status IN ('extracting', 'chunking', 'embedding')
                            AND (locked_until IS NULL OR locked_until < now()) ORDER BY updated_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, collection_id, version, filename, blob_key, attempts, created_at""")
                .param("lease", properties.lease().toSeconds()).param("tenant", tenant())
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("collection_id", UUID.class),
                        rs.getInt("version"), rs.getString("filename"), rs.getString("blob_key"), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional());
    }

    private void process(Claimed doc) {
        try {
            status(doc, "extracting");
            byte[] content = read(doc.blobKey());
            TextExtractor.Extracted extracted = extractor.extract(content, doc.filename());
            status(doc, "chunking");
            List<SourcePassage> passages = PageChunker.chunk(extracted.pages(), properties.passageChars());
            status(doc, "embedding");
            RetrievalEngine engine = retrieval.getIfAvailable();
            if (engine == null) {
                throw new IllegalStateException("no retrieval engine on this node");
            }
            engine.index(new IndexSource(TenantContext.require(), SourceKind.DOCUMENT, doc.id(), doc.version(), passages,
                    new AccessKeys(Set.of(doc.collectionId()), Map.of(), doc.createdAt())));
            int pages = (int) extracted.pages().stream().filter(p -> p.number() > 0).count();
            boolean stillThere = Boolean.TRUE.equals(transactions.execute(tx -> jdbc.sql("""
                    UPDATE documents SET status = 'indexed', pages = :pages, passages = :passages, locked_until = NULL,
                    processed_at = now(), updated_at = now() WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                    .param("pages", pages == 0 ? null : pages).param("passages", passages.size()).param("tenant", tenant())
                    .param("id", doc.id()).param("version", doc.version()).update() == 1));
            if (!stillThere && !exists(doc.id())) {
                engine.remove(TenantContext.require(), SourceKind.DOCUMENT, doc.id()); // deleted while we indexed it
            }
        } catch (ExtractionFailure e) {
            fail(doc, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Document {} (attempt {}) could not be processed: {}", doc.id(), doc.attempts(), e.toString());
            if (doc.attempts() >= properties.maxAttempts()) {
                fail(doc, "error", "Processing failed " + doc.attempts() + " times: " + e.getMessage());
            } else {
                transactions.executeWithoutResult(tx -> jdbc.sql("""
                        UPDATE documents SET locked_until = now() + interval '5 seconds' * attempts WHERE tenant_id = ? AND id = ? AND version = ?""")
                        .params(tenant(), doc.id(), doc.version()).update());
            }
        }
    }

    private byte[] read(String key) {
        try (BlobContent blob = storage.forTenant(tenants.get(TenantContext.require())).get(new BlobKey(key))) {
            return blob.readAllBytes();
        }
    }

    private void status(Claimed doc, String status) {
        transactions.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE documents SET status = ?, updated_at = now() WHERE tenant_id = ? AND id = ? AND version = ? AND status <> 'failed'""")
                .params(status, tenant(), doc.id(), doc.version()).update());
    }

    private void fail(Claimed doc, String code, String reason) {
        transactions.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE documents SET status = 'failed', failure_code = ?, failure_reason = ?, locked_until = NULL, processed_at = now(),
                updated_at = now() WHERE tenant_id = ? AND id = ? AND version = ?""")
                .params(code, reason, tenant(), doc.id(), doc.version()).update());
    }

    private boolean exists(UUID id) {
        return Boolean.TRUE.equals(transactions.execute(tx -> jdbc.sql("SELECT count(*) > 0 FROM documents WHERE tenant_id = ? AND id = ?")
                .params(tenant(), id).query(Boolean.class).single()));
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
