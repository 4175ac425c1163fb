package io.verbatim.documents.internal;

import io.verbatim.documents.LibrarySeeding;
import io.verbatim.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link LibrarySeeding} through the same stores as the API, acting as the system (no user). */
@Service
class SeedingLibrary implements LibrarySeeding {

    private final CollectionStore collections;
    private final DocumentStore documents;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SeedingLibrary(CollectionStore collections, DocumentStore documents, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.collections = collections;
        this.documents = documents;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public UUID ensureCollection(String name, List<String> roles) {
        return SystemAccess.call(() -> find("SELECT id FROM document_collections WHERE tenant_id = ? AND lower(name) = lower(?)", name)
                .orElseGet(() -> collections.create(name, new Permissions(roles, null, null)).id()));
    }

    @Override
    public UUID ensureDocument(UUID collectionId, String title, String filename, byte[] content) {
        return SystemAccess.call(() -> transactions.execute(tx -> jdbc.sql(
                        "SELECT id FROM documents WHERE tenant_id = ? AND collection_id = ? AND lower(title) = lower(?)")
                        .params(TenantContext.require().value(), collectionId, title).query(UUID.class).optional())
                .orElseGet(() -> documents.upload(collectionId, title, filename, content).id()));
    }

    private java.util.Optional<UUID> find(String sql, String name) {
        return transactions.execute(tx -> jdbc.sql(sql).params(TenantContext.require().value(), name).query(UUID.class).optional());
    }
}
