package io.verbatim.webhooks.internal;

import io.verbatim.platform.Page;
import io.verbatim.tenancy.SingleRoundTrip;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.webhooks.WebhookProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's received webhook events: kept once per (provider, event id), then claimed and processed. */
@Component
class Inbox {

    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private final JdbcClient jdbc;
    private final SingleRoundTrip oneTrip;
    private final long commitDelayMicros;
    private volatile Map<String, String> receiptSettings; // decided on the first receipt: the database is asked once

    Inbox(JdbcClient jdbc, SingleRoundTrip oneTrip, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.oneTrip = oneTrip;
        this.commitDelayMicros = Math.min(100_000, properties.receiptCommitDelay().toNanos() / 1000); // PostgreSQL's maximum
    }

    /**
     * Group commit for the receipts alone ({@code commit_delay} set local to their transactions, so the pipeline's
     * commits are left as they are), when configured and when the role may set it (a superuser-only setting:
     * {@code GRANT SET ON PARAMETER commit_delay} to the application role; the embedded database does).
     */
    private Map<String, String> receiptSettings() {
        Map<String, String> settings = receiptSettings;
        if (settings == null) {
            settings = Map.of();
            if (commitDelayMicros > 0) {
                if (oneTrip.maySet("commit_delay")) {
                    settings = Map.of("commit_delay", Long.toString(commitDelayMicros));
                } else {
                    log.warn("verbatim.webhooks.receipt-commit-delay is set, but the application's database role may not set "
                            + "commit_delay (GRANT SET ON PARAMETER commit_delay TO it): receipts commit without a delay");
                }
            }
            receiptSettings = settings;
        }
        return settings;
    }

    record Receipt(UUID id, boolean duplicate, String status) {
    }

    /**
     * Keeps a verified event; the same (provider, event id) again is a duplicate and changes nothing. One round trip
     * to the database (settings, insert or look-up, commit together; see {@link SingleRoundTrip}), since the
     * provider's acknowledgement waits on it. The receipt is committed, so durable, when this returns.
     */
    Receipt receive(String provider, String eventId, String source, String eventType, String contentType, byte[] payload,
                    String ignoredReason) {
        UUID id = UUID.randomUUID();
        String status = ignoredReason == null ? "pending" : "ignored";
        String tenant = tenant();
        List<Receipt> receipt = oneTrip.commit(receiptSettings(), """
                WITH kept AS (
                    INSERT INTO webhook_inbox (id, tenant_id, provider, event_id, source, event_type, content_type, payload, status,
                        error, processed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'ignored' THEN now() END)
                    ON CONFLICT (tenant_id, provider, event_id) DO NOTHING
                    RETURNING id, status)
                SELECT id, status, false AS duplicate FROM kept
                UNION ALL
                SELECT id, status, true FROM webhook_inbox
                WHERE tenant_id = ? AND provider = ? AND event_id = ? AND NOT EXISTS (SELECT 1 FROM kept)""", Inbox::receipt,
                id, tenant, provider, eventId, text(source), text(eventType), text(contentType), payload, status, text(ignoredReason), status,
                tenant, provider, eventId);
        if (!receipt.isEmpty()) {
            return receipt.getFirst();
        }
        // The same event was being kept by a concurrent request that committed after this statement began: the
        // insert waited for it and did nothing, and the statement's snapshot cannot see its row. Now it can.
        return oneTrip.commit("SELECT id, status, true AS duplicate FROM webhook_inbox WHERE tenant_id = ? AND provider = ? AND event_id = ?",
                Inbox::receipt, tenant, provider, eventId).getFirst();
    }

    /** A typed null keeps the receipt one round trip (see {@link SingleRoundTrip}). */
    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static Receipt receipt(ResultSet rs, int n) throws SQLException {
        return new Receipt(rs.getObject("id", UUID.class), rs.getBoolean("duplicate"), rs.getString("status"));
    }

    /** Claims this event if it is due (the fast path right after it was received). */
    @Transactional
    Optional<InboxEvent> claim(UUID id) {
        return jdbc.sql("""
                UPDATE webhook_inbox SET status = 'processing', attempts = attempts + 1, locked_until = now() + CAST(? AS interval)
                WHERE tenant_id = ? AND id = ? AND status = 'pending' AND next_attempt_at <= now()
                RETURNING *""")
                .params(LEASE.toSeconds() + " seconds", tenant(), id).query(Inbox::map).optional();
    }

    /** Claims the next due event (waiting, due for a retry, or abandoned by a node that died). */
    @Transactional
    Optional<InboxEvent> claimNext() {
        return jdbc.sql("""
                UPDATE webhook_inbox SET status = 'processing', attempts = attempts + 1, locked_until = now() + CAST(? AS interval)
                WHERE id = (SELECT id FROM webhook_inbox
                            WHERE tenant_id = ? AND ((status = 'pending' AND next_attempt_at <= now())
                                                     OR (status = 'processing' AND locked_until < now()))
                            ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .params(LEASE.toSeconds() + " seconds", tenant()).query(Inbox::map).optional();
    }

    @Transactional
    void done(UUID id, UUID conversationId, boolean duplicate) {
        jdbc.sql("""
                UPDATE webhook_inbox SET status = 'done', conversation_id = ?, duplicate = ?, error = NULL, locked_until = NULL,
                    processed_at = now() WHERE tenant_id = ? AND id = ?""")
                .params(conversationId, duplicate, tenant(), id).update();
    }

    @Transactional
    void ignored(UUID id, String reason) {
        jdbc.sql("""
                UPDATE webhook_inbox SET status = 'ignored', error = ?, locked_until = NULL, processed_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(reason, tenant(), id).update();
    }

    @Transactional
    void failed(UUID id, String reason) {
        jdbc.sql("""
                UPDATE webhook_inbox SET status = 'failed', error = ?, locked_until = NULL, processed_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(truncate(reason), tenant(), id).update();
    }

    @Transactional
    void retryLater(UUID id, String reason, Duration wait) {
        jdbc.sql("""
                UPDATE webhook_inbox SET status = 'pending', error = ?, locked_until = NULL,
                    next_attempt_at = now() + CAST(? AS interval) WHERE tenant_id = ? AND id = ?""")
                .params(truncate(reason), wait.toMillis() + " milliseconds", tenant(), id).update();
    }

    /** Puts a failed event back in line (an admin fixed the credential or the recording is back). */
    @Transactional
    boolean retry(UUID id) {
        return jdbc.sql("""
                UPDATE webhook_inbox SET status = 'pending', attempts = 0, next_attempt_at = now(), processed_at = NULL
                WHERE tenant_id = ? AND id = ? AND status = 'failed'""").params(tenant(), id).update() == 1;
    }

    /**
     * Processes a finished event again (an admin's replay after a fix): any state but in flight. The intake's
     * (source, external id) key keeps a replayed event from making a second conversation.
     */
    @Transactional
    boolean replay(UUID id) {
        return jdbc.sql("""
                UPDATE webhook_inbox SET status = 'pending', attempts = 0, next_attempt_at = now(), processed_at = NULL, error = NULL
                WHERE tenant_id = ? AND id = ? AND status IN ('done', 'ignored', 'failed')""").params(tenant(), id).update() == 1;
    }

    @Transactional(readOnly = true)
    Optional<InboxEvent> find(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_inbox WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(Inbox::map).optional();
    }

    @Transactional(readOnly = true)
    Page<InboxEvent> list(String status, String provider, String cursor, int limit) {
        String after = Page.decode(cursor);
        String[] parts = after == null ? null : after.split("\\|", 2);
        List<InboxEvent> rows = jdbc.sql("""
                SELECT * FROM webhook_inbox WHERE tenant_id = :tenant
                  AND (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:provider AS text) IS NULL OR provider = :provider)
                  AND (CAST(:after_at AS timestamptz) IS NULL
                       OR (received_at, id) < (CAST(:after_at AS timestamptz), CAST(:after_id AS uuid)))
                ORDER BY received_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant()).param("status", status).param("provider", provider)
                .param("after_at", parts == null ? null : parts[0]).param("after_id", parts == null ? null : parts[1])
                .param("limit", limit + 1).query(Inbox::map).list();
        return Page.of(rows, limit, e -> e.receivedAt() + "|" + e.id());
    }

    /** Tenants with due events: the one look-up that sees across tenants (a security-definer function returning ids only). */
    List<String> dueTenants() {
        return jdbc.sql("SELECT * FROM webhook_inbox_due_tenants()").query(String.class).list();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static InboxEvent map(ResultSet rs, int n) throws SQLException {
        return new InboxEvent(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("provider"),
                rs.getString("event_id"), rs.getString("source"), rs.getString("event_type"), rs.getString("content_type"),
                rs.getBytes("payload"), rs.getString("status"), rs.getInt("attempts"), rs.getObject("conversation_id", UUID.class),
                rs.getBoolean("duplicate"), rs.getString("error"), instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("processed_at")), instant(rs.getTimestamp("next_attempt_at")));
    }
}
