package io.verbatim.documents.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.storage.BlobContent;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents shared through expiring, revocable links. The link's token (256 random bits) is shown once and
 * stored as SHA-256; every open is recorded with its time, address and user agent.
 */
@Service
class TrackedLinks {

    static final Duration MAX_LIFETIME = Duration.ofDays(90);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DocumentStore documents;
    private final TenantStorage storage;
    private final Tenants tenants;
    private final AuditLog audit;

    TrackedLinks(JdbcClient jdbc, PlatformTransactionManager transactions, DocumentStore documents, TenantStorage storage,
                 Tenants tenants, AuditLog audit) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.documents = documents;
        this.storage = storage;
        this.tenants = tenants;
        this.audit = audit;
    }

    record Open(Instant openedAt, String address, String userAgent) {
    }

    /** @param url only in the answer to its creation */
    record Link(UUID id, UUID documentId, Instant expiresAt, Instant revokedAt, Instant createdAt, String state, int opens,
                List<Open> recentOpens, String url) {
    }

    /** What a link opens to: the document's current file. */
    record Shared(String filename, String contentType, byte[] content) {
    }

    Link create(UUID documentId, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw ProblemException.badRequest("validation", "expires_in_hours must be between 1 and " + MAX_LIFETIME.toHours());
        }
        documents.get(documentId); // 404 unless the caller may read it
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("INSERT INTO document_links (id, tenant_id, document_id, token_hash, expires_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, tenant(), documentId, DocumentStore.sha256(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                            java.sql.Timestamp.from(Instant.now().plus(lifetime)), CurrentUser.require().userId()).update();
            audit.record("document.link_created", "document", documentId.toString(), Map.of("link", id.toString()));
        });
        Link link = list(documentId).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
        return new Link(link.id(), link.documentId(), link.expiresAt(), null, link.createdAt(), link.state(), 0, List.of(),
                "/shared/documents/" + token);
    }

    List<Link> list(UUID documentId) {
        documents.get(documentId);
        return transactions.execute(tx -> jdbc.sql("""
                SELECT l.*, (SELECT count(*) FROM document_link_opens o WHERE o.tenant_id = l.tenant_id AND o.link_id = l.id) AS opens
                FROM document_links l WHERE l.tenant_id = ? AND l.document_id = ? ORDER BY l.created_at DESC""")
                .params(tenant(), documentId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Instant expires = rs.getTimestamp("expires_at").toInstant();
                    Instant revoked = rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant();
                    String state = revoked != null ? "revoked" : expires.isBefore(Instant.now()) ? "expired" : "active";
                    return new Link(id, documentId, expires, revoked, rs.getTimestamp("created_at").toInstant(), state, rs.getInt("opens"),
                            opens(id), null);
                }).list());
    }

    private List<Open> opens(UUID linkId) {
        return jdbc.sql("SELECT opened_at, address, user_agent FROM document_link_opens WHERE tenant_id = ? AND link_id = ? ORDER BY opened_at DESC LIMIT 50")
                .params(tenant(), linkId)
                .query((rs, n) -> new Open(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3))).list();
    }

    void revoke(UUID documentId, UUID linkId) {
        documents.get(documentId);
        transactions.executeWithoutResult(tx -> {
            int updated = jdbc.sql("UPDATE document_links SET revoked_at = coalesce(revoked_at, now()) WHERE tenant_id = ? AND document_id = ? AND id = ?")
                    .params(tenant(), documentId, linkId).update();
            if (updated == 0) {
                throw ProblemException.notFound("Link " + linkId);
            }
            audit.record("document.link_revoked", "document", documentId.toString(), Map.of("link", linkId.toString()));
        });
    }

    /** Opens a link (no caller: the token is the credential); 404 unknown, 410 expired or revoked. */
    Shared open(String token, String address, String userAgent) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw ProblemException.notFound("Link");
        }
        String hash = DocumentStore.sha256(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Optional<Map.Entry<String, UUID>> found = jdbc.sql("SELECT tenant_id, link_id FROM document_link_find(?)").param(hash)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).optional();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Link");
        }
        TenantId tenant = new TenantId(found.get().getKey());
        UUID linkId = found.get().getValue();
        return TenantContext.callAs(tenant, () -> SystemAccess.call(() -> {
            var row = transactions.execute(tx -> jdbc.sql("""
                    SELECT l.expires_at, l.revoked_at, d.filename, d.content_type, d.blob_key FROM document_links l
                    JOIN documents d ON d.tenant_id = l.tenant_id AND d.id = l.document_id WHERE l.tenant_id = ? AND l.id = ?""")
                    .params(tenant.value(), linkId)
                    .query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2), rs.getString(3), rs.getString(4), rs.getString(5)})
                    .optional().orElseThrow(() -> ProblemException.notFound("Link")));
            if (row[1] != null || ((Instant) row[0]).isBefore(Instant.now())) {
                throw new ProblemException(HttpStatus.GONE, "link-expired", "Link expired", "This link has expired or was revoked");
            }
            transactions.executeWithoutResult(tx -> jdbc.sql("INSERT INTO document_link_opens (tenant_id, link_id, address, user_agent) VALUES (?, ?, ?, ?)")
                    .params(tenant.value(), linkId, address, userAgent == null ? null : userAgent.substring(0, Math.min(500, userAgent.length())))
                    .update());
            try (BlobContent blob = storage.forTenant(tenants.get(tenant)).get(new BlobKey((String) row[4]))) {
                return new Shared((String) row[2], (String) row[3], blob.readAllBytes());
            }
        }));
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
