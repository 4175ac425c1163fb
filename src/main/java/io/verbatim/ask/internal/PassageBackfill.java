package io.verbatim.ask.internal;

import io.verbatim.pipeline.PipelineProperties;
import io.verbatim.platform.BackgroundPriority;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After an upgrade from per-node indexes, calls transcribed before the engine existed have no passages in
 * PostgreSQL: a worker node derives them once, in the background at low priority (idempotent, so two
 * nodes doing it at once only repeat work).
 */
@Component
class PassageBackfill {

    private static final Logger log = LoggerFactory.getLogger(PassageBackfill.class);
    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final ConversationIndexer indexer;
    private final PipelineProperties pipeline;

    PassageBackfill(Tenants tenants, JdbcClient jdbc, PlatformTransactionManager transactions, ConversationIndexer indexer,
                    PipelineProperties pipeline) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.indexer = indexer;
        this.pipeline = pipeline;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (pipeline.enabled()) {
            BackgroundPriority.threads("ask-backfill").newThread(this::run).start();
        }
    }

    void run() {
        tenants.forEachActive(tenant -> TenantContext.runAs(tenant.id(), () -> {
            try {
                List<UUID> missing = readOnly.execute(tx -> jdbc.sql("""
                        SELECT c.id FROM conversations c
                        JOIN transcripts t ON t.conversation_id = c.id AND t.tenant_id = c.tenant_id
                        WHERE c.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM retrieval_sources s
                            WHERE s.tenant_id = c.tenant_id AND s.kind = 'conversation' AND s.source_id = c.id)
                        ORDER BY c.created_at""").params(tenant.id().value()).query(UUID.class).list());
                if (!missing.isEmpty()) {
                    log.info("Deriving retrieval passages of {} calls of {} indexed before the retrieval engine",
                            missing.size(), tenant.id().value());
                    missing.forEach(id -> indexer.index(tenant.id().value(), id));
                }
            } catch (RuntimeException e) {
                log.warn("Backfilling retrieval passages of {} failed: {}", tenant.id().value(), e.toString());
            }
        }));
    }
}
