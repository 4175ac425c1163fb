package io.verbatim.webhooks.internal;

import io.verbatim.platform.Page;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's outbound deliveries: one per (endpoint, event), with every attempt logged. */
@Component
class Deliveries {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Delivery(UUID id, UUID endpointId, String messageId, String eventType, String payload, String status, int attempts,
                    Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt, Instant completedAt) {
    }

    record Attempt(int attempt, Instant at, Integer statusCode, String error, int durationMs, String response) {
    }

    /** Enqueues a delivery in the caller's transaction. */
    @Transactional
    UUID enqueue(UUID endpointId, String eventType, String payload) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, message_id, event_type, payload, status)
                VALUES (?, ?, ?, ?, ?, ?, 'pending')""")
                .params(id, tenant(), endpointId, "msg_" + id.toString().replace("-", ""), eventType, payload).update();
        return id;
    }

    /** Claims up to {@code limit} due deliveries (waiting, due for a retry, or abandoned by a node that died). */
    @Transactional
    List<Delivery> claimDue(int limit) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'sending', locked_until = now() + CAST(? AS interval), updated_at = now()
                WHERE id IN (SELECT id FROM webhook_deliveries
                             WHERE tenant_id = ? AND ((status = 'pending' AND next_attempt_at <= now())
                                                      OR (status = 'sending' AND locked_until < now()))
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .params(LEASE.toSeconds() + " seconds", tenant(), limit).query(Deliveries::map).list();
    }

    /** Logs one attempt and moves the delivery on: succeeded, failed for good, or pending again after {@code retryIn}. */
    @Transactional
    void recordAttempt(UUID id, int attempt, Integer statusCode, String error, long durationMs, String response, String outcome,
                       Duration retryIn) {
        jdbc.sql("""
                INSERT INTO webhook_attempts (tenant_id, delivery_id, attempt, status_code, error, duration_ms, response)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant(), id, attempt, statusCode, truncate(error, 1000), (int) Math.min(Integer.MAX_VALUE, durationMs),
                        truncate(response, 1000))
                .update();
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status = ?, last_error = ?, locked_until = NULL,
                    next_attempt_at = CASE WHEN ? = 'pending' THEN now() + CAST(? AS interval) ELSE next_attempt_at END,
                    completed_at = CASE WHEN ? IN ('succeeded', 'failed') THEN now() END, updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(outcome, attempt, statusCode, truncate(error, 1000), outcome,
                        (retryIn == null ? 0 : retryIn.toMillis()) + " milliseconds", outcome, tenant(), id)
                .update();
    }

    /** Fails the endpoint's waiting deliveries (it was disabled). */
    @Transactional
    int failWaiting(UUID endpointId, String reason) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'failed', last_error = ?, completed_at = now(), updated_at = now()
                WHERE tenant_id = ? AND endpoint_id = ? AND status = 'pending'""")
                .params(reason, tenant(), endpointId).update();
    }

    /** Sends the delivery again (same {@code webhook-id}, so a receiver that kept it can tell); its attempt log continues. */
    @Transactional
    boolean replay(UUID endpointId, UUID id) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now(), completed_at = NULL, updated_at = now()
                WHERE tenant_id = ? AND endpoint_id = ? AND id = ? AND status IN ('succeeded', 'failed', 'pending')""")
                .params(tenant(), endpointId, id).update() == 1;
    }

    @Transactional(readOnly = true)
    Optional<Delivery> find(UUID endpointId, UUID id) {
        return jdbc.sql("SELECT * FROM webhook_deliveries WHERE tenant_id = ? AND endpoint_id = ? AND id = ?")
                .params(tenant(), endpointId, id).query(Deliveries::map).optional();
    }

    @Transactional(readOnly = true)
    List<Attempt> attempts(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_attempts WHERE tenant_id = ? AND delivery_id = ? ORDER BY id")
                .params(tenant(), id)
                .query((rs, n) -> new Attempt(rs.getInt("attempt"), rs.getTimestamp("at").toInstant(),
                        (Integer) rs.getObject("status_code"), rs.getString("error"), rs.getInt("duration_ms"), rs.getString("response")))
                .list();
    }

    @Transactional(readOnly = true)
    Page<Delivery> list(UUID endpointId, String status, String cursor, int limit) {
        String after = Page.decode(cursor);
        String[] parts = after == null ? null : after.split("\\|", 2);
        List<Delivery> rows = jdbc.sql("""
                SELECT * FROM webhook_deliveries WHERE tenant_id = :tenant AND endpoint_id = :endpoint
                  AND (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:after_at AS timestamptz) IS NULL
                       OR (created_at, id) < (CAST(:after_at AS timestamptz), CAST(:after_id AS uuid)))
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant()).param("endpoint", endpointId).param("status", status)
                .param("after_at", parts == null ? null : parts[0]).param("after_id", parts == null ? null : parts[1])
                .param("limit", limit + 1).query(Deliveries::map).list();
        return Page.of(rows, limit, d -> d.createdAt() + "|" + d.id());
    }

    /** Every endpoint's deliveries, newest first (the delivery log), with the endpoint's URL. */
    @Transactional(readOnly = true)
    List<Logged> recent(String status, int limit) {
        return jdbc.sql("""
                SELECT d.*, e.url FROM webhook_deliveries d JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
                WHERE d.tenant_id = ? AND (CAST(? AS text) IS NULL OR d.status = ?)
                ORDER BY d.created_at DESC, d.id DESC LIMIT ?""")
                .params(tenant(), status, status, limit).query((rs, n) -> new Logged(map(rs, n), rs.getString("url"))).list();
    }

    record Logged(Delivery delivery, String url) {
    }

    /** Tenants with due deliveries: the one look-up that sees across tenants (a security-definer function returning ids only). */
    List<String> dueTenants() {
        return jdbc.sql("SELECT * FROM webhook_deliveries_due_tenants()").query(String.class).list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Delivery map(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class), rs.getString("message_id"),
                rs.getString("event_type"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("completed_at")));
    }
}
