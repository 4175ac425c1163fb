package io.verbatim.documents.internal;

import io.verbatim.ask.RetrievalEngine;
import io.verbatim.ask.SourceKind;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.Tenants;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current tenant's documents: upload (a new document, or a new version of the one with the same title in
 * the collection), read, delete from every store. Reads go through the collections' read policy.
 */
@Service
class DocumentStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TenantStorage storage;
    private final CollectionStore collections;
    private final TextExtractor extractor;
    private final DocumentProperties properties;
    private final ObjectProvider<RetrievalEngine> retrieval;
    private final AuditLog audit;
    private final Tenants tenants;

    DocumentStore(JdbcClient jdbc, PlatformTransactionManager transactions, TenantStorage storage, CollectionStore collections,
                  TextExtractor extractor, DocumentProperties properties, ObjectProvider<RetrievalEngine> retrieval, AuditLog audit, Tenants tenants) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.storage = storage;
        this.collections = collections;
        this.extractor = extractor;
        this.properties = properties;
        this.retrieval = retrieval;
        this.audit = audit;
    }

    record Document(UUID id, UUID collectionId, String title, int version, String filename, String contentType, long sizeBytes,
                    String status, String failureCode, String failureReason, Integer pages, Integer passages,
                    Instant createdAt, Instant updatedAt, Instant processedAt) {
    }

    record Version(int version, String filename, String contentType, long sizeBytes, String sha256, Instant createdAt) {
    }

    record DocumentDetail(Document document, List<Version> versions) {
    }

    /** Types the library takes (and the protected-OOXML type, so an encrypted file fails with its reason). */
    private static final List<String> ACCEPTED = List.of("application/pdf", "application/vnd.openxmlformats-officedocument.",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/x-tika-ooxml-protected",
            "application/x-tika-msoffice", "application/x-tika-ooxml", "application/vnd.oasis.opendocument.", "application/rtf",
            "text/html", "application/xhtml+xml", "text/markdown", "text/x-web-markdown", "text/plain", "text/csv");

    Document upload(UUID collectionId, String title, String filename, byte[] content) {
        if (content.length > properties.maxSize().toBytes()) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", "Document too large",
                    "The file has " + content.length + " bytes; at most " + properties.maxSize().toBytes() + " are allowed");
        }
        String name = filename == null || filename.isBlank() ? "document" : filename.strip();
        String type = extractor.detect(content, name);
        if (ACCEPTED.stream().noneMatch(type::startsWith)) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-document", "Unsupported document",
                    "'" + name + "' is " + type + "; the library takes PDF, DOCX, PPTX, XLSX, HTML, Markdown and text");
        }
        String titled = title == null || title.isBlank() ? name : title.strip();
        if (titled.length() > 300) {
            throw ProblemException.badRequest("validation", "title must be at most 300 characters");
        }
        String sha = sha256(content);
        UUID by = CurrentUser.current().map(CurrentUser::userId).orElse(null); // null: seeded
        TenantBlobs blobs = blobs();
        UUID id = transactions.execute(tx -> {
            collections.get(collectionId); // 404 unless the caller may read it
            Optional<Document> existing = jdbc.sql(SELECT + " AND d.collection_id = :collection AND lower(d.title) = lower(:title) FOR UPDATE")
                    .param("tenant", tenant()).param("collection", collectionId).param("title", titled).query(DocumentStore::row).optional();
            if (existing.isPresent() && sha.equals(currentSha(existing.get().id()))) {
                return existing.get().id(); // the same file again: nothing new
            }
            UUID docId = existing.map(Document::id).orElseGet(UUID::randomUUID);
            int version = existing.map(d -> d.version() + 1).orElse(1);
            BlobKey key = blobs.layout().key("input", "documents", docId.toString(), "v" + version + extension(name));
            if (existing.isEmpty()) {
                jdbc.sql("""
                        INSERT INTO documents (id, tenant_id, collection_id, title, version, filename, content_type, size_bytes, sha256,
                        blob_key, status, created_by) VALUES (:id, :tenant, :collection, :title, 1, :filename, :type, :size, :sha, :key,
                        'extracting', :by)""")
                        .param("id", docId).param("tenant", tenant()).param("collection", collectionId).param("title", titled)
                        .param("filename", name).param("type", type).param("size", content.length).param("sha", sha)
                        .param("key", key.value()).param("by", by).update();
            } else {
                jdbc.sql("""
                        UPDATE documents SET version = :version, filename = :filename, content_type = :type, size_bytes = :size,
                        sha256 = :sha, blob_key = :key, status = 'extracting', failure_code = NULL, failure_reason = NULL, attempts = 0,
                        locked_until = NULL, updated_at = now() WHERE tenant_id = :tenant AND id = :id""")
                        .param("id", docId).param("tenant", tenant()).param("version", version).param("filename", name)
                        .param("type", type).param("size", content.length).param("sha", sha).param("key", key.value()).update();
            }
            jdbc.sql("""
                    INSERT INTO document_versions (tenant_id, document_id, version, filename, content_type, size_bytes, sha256, blob_key, created_by)
                    VALUES (:tenant, :id, :version, :filename, :type, :size, :sha, :key, :by)""")
                    .param("tenant", tenant()).param("id", docId).param("version", version).param("filename", name).param("type", type)
                    .param("size", content.length).param("sha", sha).param("key", key.value()).param("by", by).update();
            // Written inside the transaction: a failed write leaves no row pointing at nothing.
            blobs.put(key, content, BlobAttributes.of(type).with("document-id", docId.toString()));
            audit.record(version == 1 ? "document.uploaded" : "document.version_uploaded", "document", docId.toString(),
                    Map.of("title", titled, "version", version, "bytes", content.length));
            return docId;
        });
        return get(id).document();
    }

    DocumentDetail get(UUID id) {
        return transactions.execute(tx -> {
            Document doc = jdbc.sql(SELECT + " AND d.id = :id").param("tenant", tenant()).param("id", id).query(DocumentStore::row)
                    .optional().orElseThrow(() -> ProblemException.notFound("Document " + id));
            List<Version> versions = jdbc.sql("SELECT * FROM document_versions WHERE tenant_id = ? AND document_id = ? ORDER BY version DESC")
                    .params(tenant(), id)
                    .query((rs, n) -> new Version(rs.getInt("version"), rs.getString("filename"), rs.getString("content_type"),
                            rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("created_at").toInstant())).list();
            return new DocumentDetail(doc, versions);
        });
    }

    Page<Document> list(UUID collectionId, String cursor, int limit) {
        return transactions.execute(tx -> {
            List<Document> rows = jdbc.sql(SELECT + " " + """
                     AND (CAST(:collection AS uuid) IS NULL OR d.collection_id = :collection)
                     AND (CAST(:after AS text) IS NULL OR d.id::text > :after) ORDER BY d.id::text LIMIT :limit""")
                    .param("tenant", tenant()).param("collection", collectionId).param("after", Page.decode(cursor))
                    .param("limit", limit + 1).query(DocumentStore::row).list();
            return Page.of(rows, limit, d -> d.id().toString());
        });
    }

    /** Removes the document from retrieval (every node), the blob store (every version) and the database. */
    void delete(UUID id) {
        Document doc = get(id).document();
        RetrievalEngine engine = retrieval.getIfAvailable();
        if (engine != null) {
            engine.remove(TenantContext.require(), SourceKind.DOCUMENT, id);
        }
        TenantBlobs blobs = blobs();
        blobs.deletePrefix(blobs.layout().root("input") + "documents/" + id + "/");
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM documents WHERE tenant_id = ? AND id = ?").params(tenant(), id).update();
            audit.record("document.deleted", "document", id.toString(), Map.of("title", doc.title()));
        });
    }

    private String currentSha(UUID id) {
        return jdbc.sql("SELECT sha256 FROM documents WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(String.class).single();
    }

    static final String SELECT = "SELECT d.* FROM documents d WHERE d.tenant_id = :tenant";

    static Document row(ResultSet rs, int n) throws SQLException {
        return new Document(rs.getObject("id", UUID.class), rs.getObject("collection_id", UUID.class), rs.getString("title"),
                rs.getInt("version"), rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("status"), rs.getString("failure_code"), rs.getString("failure_reason"),
                (Integer) rs.getObject("pages"), (Integer) rs.getObject("passages"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("processed_at") == null ? null : rs.getTimestamp("processed_at").toInstant());
    }

    private static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String ext = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,10}") ? "." + ext : "";
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TenantBlobs blobs() {
        return storage.forTenant(tenants.get(TenantContext.require()));
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
