package io.verbatim.appointments.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.SecretSealer;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each rep's calendar-feed secret: 256 random bits, found by its SHA-256, kept sealed under the tenant's data key so
 * the URL can be shown again; rotating replaces it, revoking deletes it, and either way the old URL stops working.
 */
@Component
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final AuditLog audit;

    CalendarFeeds(JdbcClient jdbc, SecretSealer sealer, AuditLog audit) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.audit = audit;
    }

    /** The rep's current secret, creating the first one. */
    @Transactional
    String current(UUID rep, UUID by) {
        Optional<String> sealed = jdbc.sql("SELECT token_sealed FROM rep_calendar_feeds WHERE tenant_id = ? AND sales_rep_id = ?")
                .params(tenant(), rep).query(String.class).optional();
        if (sealed.isPresent()) {
            return new String(sealer.open(context(rep), sealed.get()), StandardCharsets.UTF_8);
        }
        return rotate(rep, by);
    }

    /** A new secret; the previous URL stops working at once. */
    @Transactional
    String rotate(UUID rep, UUID by) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO rep_calendar_feeds (tenant_id, sales_rep_id, token_hash, token_sealed, created_by)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, sales_rep_id) DO UPDATE SET token_hash = EXCLUDED.token_hash,
                    token_sealed = EXCLUDED.token_sealed, created_by = EXCLUDED.created_by, created_at = now(), last_used_at = NULL""")
                .params(tenant(), rep, hash(token), sealer.seal(context(rep), token.getBytes(StandardCharsets.UTF_8)), by)
                .update();
        audit.record("calendar_feed.issued", "sales_rep", rep.toString(), Map.of());
        return token;
    }

    @Transactional
    boolean revoke(UUID rep) {
        boolean removed = jdbc.sql("DELETE FROM rep_calendar_feeds WHERE tenant_id = ? AND sales_rep_id = ?")
                .params(tenant(), rep).update() > 0;
        if (removed) {
            audit.record("calendar_feed.revoked", "sales_rep", rep.toString(), Map.of());
        }
        return removed;
    }

    /** The tenant whose feed secret for this rep the token is, looked up before any tenant is bound. */
    @Transactional
    Optional<TenantId> tenantOf(UUID rep, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT rep_calendar_feed_tenant(?, ?)").params(rep, hash(token)).query(String.class).optional()
                .map(TenantId::new);
    }

    /** Notes the feed's use (as the tenant), at most once a minute. */
    @Transactional
    void touch(UUID rep) {
        jdbc.sql("""
                UPDATE rep_calendar_feeds SET last_used_at = now() WHERE tenant_id = ? AND sales_rep_id = ?
                  AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .params(tenant(), rep).update();
    }

    private static String context(UUID rep) {
        return "calendar-feed:" + rep;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
