package io.verbatim.identity.internal;

import io.verbatim.tenancy.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in sessions of the current tenant (row-level security applies; callers bind the tenant). A
 * session is live while it is not revoked, not past its maximum age, and holds an unexpired refresh token.
 */
@Repository
class Sessions {

    private static final String LIVE = """
            s.revoked_at IS NULL AND s.expires_at > now()
            AND EXISTS (SELECT 1 FROM auth_refresh_tokens r WHERE r.tenant_id = s.tenant_id AND r.session_id = s.id
                        AND r.spent_at IS NULL AND r.expires_at > now())""";
    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Session(UUID id, UUID userId, String method, List<Factor> factors, String userAgent, String ip,
                   Instant createdAt, Instant lastSeenAt, Instant expiresAt, Instant revokedAt, String revokedReason) {

        boolean ended() {
            return revokedAt != null || !expiresAt.isAfter(Instant.now());
        }
    }

    @Transactional
    UUID create(UUID userId, String method, List<Factor> factors, String userAgent, String ip, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO auth_sessions (id, tenant_id, user_id, method, factors, user_agent, ip, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant(), userId, method, Factor.amr(factors).toArray(String[]::new), clip(userAgent, 400),
                        clip(ip, 100), java.sql.Timestamp.from(expiresAt))
                .update();
        return id;
    }

    @Transactional(readOnly = true)
    Optional<Session> find(UUID id) {
        return jdbc.sql("SELECT * FROM auth_sessions WHERE tenant_id = ? AND id = ?").params(tenant(), id)
                .query(Sessions::map).optional();
    }

    /** The user's live sessions, newest first. */
    @Transactional(readOnly = true)
    List<Session> live(UUID userId) {
        return jdbc.sql("SELECT s.* FROM auth_sessions s WHERE s.tenant_id = ? AND s.user_id = ? AND " + LIVE
                        + " ORDER BY s.created_at DESC")
                .params(tenant(), userId).query(Sessions::map).list();
    }

    /** Revokes one session of the user; false when it is not theirs or already ended. */
    @Transactional
    boolean revoke(UUID userId, UUID id, String reason) {
        return jdbc.sql("""
                UPDATE auth_sessions SET revoked_at = now(), revoked_reason = ?
                WHERE tenant_id = ? AND user_id = ? AND id = ? AND revoked_at IS NULL""")
                .params(reason, tenant(), userId, id).update() > 0;
    }

    /** Revokes every session of the user; returns how many were still open. */
    @Transactional
    int revokeAll(UUID userId, String reason) {
        return jdbc.sql("""
                UPDATE auth_sessions SET revoked_at = now(), revoked_reason = ?
                WHERE tenant_id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > now()""")
                .params(reason, tenant(), userId).update();
    }

    /** Records use, at most once a minute: a busy page must not write on every request. */
    @Transactional
    void touch(UUID id) {
        jdbc.sql("""
                UPDATE auth_sessions SET last_seen_at = now()
                WHERE tenant_id = ? AND id = ? AND last_seen_at < now() - interval '1 minute'""")
                .params(tenant(), id).update();
    }

    /** Adds a factor the user has since proven (TOTP confirmed during enrolment). */
    @Transactional
    void addFactor(UUID id, Factor factor) {
        jdbc.sql("""
                UPDATE auth_sessions SET factors = array_append(factors, ?)
                WHERE tenant_id = ? AND id = ? AND NOT (? = ANY (factors))""")
                .params(factor.amr(), tenant(), id, factor.amr()).update();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static Session map(ResultSet rs, int row) throws SQLException {
        Array factors = rs.getArray("factors");
        return new Session(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("method"),
                Factor.fromAmr(Arrays.asList((String[]) factors.getArray())), rs.getString("user_agent"), rs.getString("ip"),
                AccountRecord.instant(rs.getTimestamp("created_at")), AccountRecord.instant(rs.getTimestamp("last_seen_at")),
                AccountRecord.instant(rs.getTimestamp("expires_at")), AccountRecord.instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_reason"));
    }
}
