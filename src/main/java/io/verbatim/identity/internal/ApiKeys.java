package io.verbatim.identity.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.AuthMethod;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-tenant machine keys. The key is shown once at creation; only its SHA-256 is stored (a
 * 256-bit random key needs no slow hash: there is nothing to guess).
 */
@Service
class ApiKeys {

    static final String PREFIX = "vbk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Tenants tenants;
    private final TransactionTemplate transaction;

    ApiKeys(JdbcClient jdbc, AuditLog audit, Tenants tenants, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tenants = tenants;
        this.transaction = new TransactionTemplate(transactions);
    }

    private record KeyRow(UUID id, TenantId tenant, String name, Role role, boolean revoked, boolean tenantActive) {
    }

    record ApiKeyView(UUID id, String name, String prefix, Role role, Instant createdAt, Instant lastUsedAt,
                      Instant revokedAt) {
    }

    record CreatedKey(UUID id, String name, String prefix, Role role, String key) {
    }

    @Transactional
    CreatedKey create(String name, Role role) {
        if (role != Role.ADMIN && role != Role.MANAGER && role != Role.EXECUTIVE) {
            throw ProblemException.badRequest("invalid-role", "An API key's role must be admin, manager or executive");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = key.substring(0, 12);
        UUID id = UUID.randomUUID();
        CurrentUser creator = CurrentUser.require();
        jdbc.sql("INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, role, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, TenantContext.require().value(), name.strip(), prefix, hash(key), role.wire(), creator.userId())
                .update();
        audit.record("api_key.created", "api_key", id.toString(), Map.of("name", name.strip(), "role", role.wire()));
        return new CreatedKey(id, name.strip(), prefix, role, key);
    }

    @Transactional(readOnly = true)
    Page<ApiKeyView> list(String cursor, int limit) {
        String after = Page.decode(cursor);
        List<ApiKeyView> rows = jdbc.sql("""
                SELECT * FROM api_keys WHERE tenant_id = :tenant AND (CAST(:after AS text) IS NULL OR id::text > :after)
                ORDER BY id::text LIMIT :limit""")
                .param("tenant", TenantContext.require().value()).param("after", after).param("limit", limit + 1)
                .query(ApiKeys::map).list();
        return Page.of(rows, limit, k -> k.id().toString());
    }

    @Transactional
    void revoke(UUID id) {
        int updated = jdbc.sql("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE tenant_id = ? AND id = ?")
                .params(TenantContext.require().value(), id).update();
        if (updated == 0) {
            throw ProblemException.notFound("API key " + id);
        }
        audit.record("api_key.revoked", "api_key", id.toString(), Map.of());
    }

    /** Verifies a presented key; empty when unknown, revoked or its tenant is deactivated. */
    Optional<CurrentUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        Optional<KeyRow> found = jdbc.sql("SELECT * FROM auth_find_api_key(?)").param(hash(presented))
                .query((rs, n) -> new KeyRow(rs.getObject("key_id", UUID.class), new TenantId(rs.getString("tenant_id")),
                        rs.getString("name"), Role.fromWire(rs.getString("role")), rs.getBoolean("revoked"),
                        rs.getBoolean("tenant_active")))
                .optional();
        if (found.isEmpty() || found.get().revoked() || !found.get().tenantActive()) {
            return Optional.empty();
        }
        KeyRow key = found.get();
        Tenant tenant = tenants.get(key.tenant());
        // Only touch last_used_at once a minute: a busy integration must not write on every call.
        TenantContext.runAs(key.tenant(), () -> transaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE api_keys SET last_used_at = now()
                WHERE id = ? AND tenant_id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .params(key.id(), key.tenant().value()).update()));
        return Optional.of(new CurrentUser(null, key.id(), null, "API key " + key.name(), key.role(),
                null, null, key.tenant(), key.tenant(), tenant.name(), tenant.storageMode(), AuthMethod.API_KEY));
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiKeyView map(ResultSet rs, int row) throws SQLException {
        return new ApiKeyView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                Role.fromWire(rs.getString("role")), AccountRecord.instant(rs.getTimestamp("created_at")),
                AccountRecord.instant(rs.getTimestamp("last_used_at")), AccountRecord.instant(rs.getTimestamp("revoked_at")));
    }
}
