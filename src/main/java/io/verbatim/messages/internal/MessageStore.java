package io.verbatim.messages.internal;

import io.verbatim.messages.Message;
import io.verbatim.messages.NewMessage;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The messages audit trail, under row-level security. */
@Component
class MessageStore {

    /** Callbacks may arrive out of order: a status only replaces one of a lower rank. */
    private static final String RANK = "CASE %s WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 ELSE 2 END";
    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Logs the message as queued; empty when a confirmation or reminder of the appointment was logged before. */
    @Transactional
    Optional<Message> insert(NewMessage m) {
        UUID id = UUID.randomUUID();
        int n = jdbc.sql("""
                INSERT INTO messages (id, tenant_id, channel, to_address, subject, body, purpose, appointment_id, contact_card_id,
                    created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(id, tenant(), m.channel(), m.to(), m.subject(), m.body(), m.purpose(), m.appointmentId(),
                        m.contactCardId(), m.createdBy())
                .update();
        return n == 0 ? Optional.empty() : find(id);
    }

    @Transactional
    Message sent(UUID id, String providerId, String status) {
        jdbc.sql("""
                UPDATE messages SET provider_id = ?, status = ?, sent_at = now(), updated_at = now()
                WHERE tenant_id = ? AND id = ?""").params(providerId, status, tenant(), id).update();
        return find(id).orElseThrow();
    }

    /** @param retryAt when the scan tries it again, or null when it stays failed */
    @Transactional
    Message failed(UUID id, String error, Instant retryAt) {
        jdbc.sql("""
                UPDATE messages SET status = 'failed', error = ?, next_attempt_at = ?, updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(error, retryAt == null ? null : Timestamp.from(retryAt), tenant(), id).update();
        return find(id).orElseThrow();
    }

    /** Logged, never handed to a provider (none is configured for the channel); not retried by itself. */
    @Transactional
    Message notSent(UUID id, String reason) {
        jdbc.sql("""
                UPDATE messages SET status = 'not_sent', error = ?, next_attempt_at = NULL, updated_at = now()
                WHERE tenant_id = ? AND id = ?""").params(reason, tenant(), id).update();
        return find(id).orElseThrow();
    }

    /** An automatic text held for quiet hours: still queued, handed to the provider by the scan at {@code until}. */
    @Transactional
    Message hold(UUID id, Instant until) {
        jdbc.sql("""
                UPDATE messages SET status = 'queued', next_attempt_at = ?, updated_at = now()
                WHERE tenant_id = ? AND id = ?""").params(Timestamp.from(until), tenant(), id).update();
        return find(id).orElseThrow();
    }

    /**
     * Claims the held texts (queued, never handed to a provider) whose quiet hours are over at {@code now}, so that a
     * second scan (another node) skips them.
     */
    @Transactional
    List<Message> claimDueHeld(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE messages SET next_attempt_at = NULL, updated_at = now()
                WHERE tenant_id = ? AND id IN (SELECT id FROM messages WHERE tenant_id = ? AND status = 'queued'
                                                 AND provider_id IS NULL AND direction = 'outbound' AND next_attempt_at <= ?
                                                 ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .params(tenant(), tenant(), Timestamp.from(now), limit).query(MessageStore::map).list();
    }

    /**
     * An inbound text, once per {@code MessageSid}: the stored message and whether this call stored it (false: a
     * repeated delivery of a text already stored).
     */
    @Transactional
    Inbound insertInbound(String from, String to, String body, String sid, UUID contactCardId) {
        UUID id = UUID.randomUUID();
        int n = jdbc.sql("""
                INSERT INTO messages (id, tenant_id, channel, to_address, from_address, body, purpose, contact_card_id,
                    provider_id, status, direction, sent_at)
                VALUES (?, ?, 'sms', ?, ?, ?, 'inbound', ?, ?, 'received', 'inbound', now())
                ON CONFLICT (tenant_id, provider_id) WHERE direction = 'inbound' DO NOTHING""")
                .params(id, tenant(), to, from, body, contactCardId, sid).update();
        Message stored = jdbc.sql("SELECT * FROM messages WHERE tenant_id = ? AND direction = 'inbound' AND provider_id = ?")
                .params(tenant(), sid).query(MessageStore::map).single();
        return new Inbound(stored, n == 1);
    }

    record Inbound(Message message, boolean isNew) {
    }

    /** A claimed retry not tried after all (its appointment has passed or was cancelled): failed for good, uncounted. */
    @Transactional
    void abandon(UUID id, String reason) {
        jdbc.sql("""
                UPDATE messages SET status = 'failed', attempts = attempts - 1, next_attempt_at = NULL,
                    error = COALESCE(error || ' ', '') || '(' || ? || ')', updated_at = now()
                WHERE tenant_id = ? AND id = ? AND status = 'queued'""").params(reason, tenant(), id).update();
    }

    /**
     * Claims the failed messages whose next try is due at {@code now}: back to queued, one more attempt counted, so a
     * second scan (another node) skips them.
     */
    @Transactional
    List<Message> claimDueRetries(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE messages SET status = 'queued', attempts = attempts + 1, next_attempt_at = NULL, updated_at = now()
                WHERE tenant_id = ? AND id IN (SELECT id FROM messages WHERE tenant_id = ? AND status = 'failed'
                                                 AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?
                                                 FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .params(tenant(), tenant(), Timestamp.from(now), limit).query(MessageStore::map).list();
    }

    /** A provider's callback: the message with that provider id moves forward to {@code status}. */
    @Transactional
    Optional<Message> callback(String channel, String providerId, String status, String error) {
        List<UUID> ids = jdbc.sql("""
                UPDATE messages SET status = :status, error = COALESCE(:error, error), updated_at = now()
                WHERE tenant_id = :tenant AND channel = :channel AND provider_id = :provider AND direction = 'outbound'
                  AND %s < %s
                RETURNING id""".formatted(RANK.formatted("status"), RANK.formatted("CAST(:status AS text)")))
                .param("status", status).param("error", error).param("tenant", tenant()).param("channel", channel)
                .param("provider", providerId).query(UUID.class).list();
        return ids.isEmpty() ? Optional.empty() : find(ids.getFirst());
    }

    @Transactional(readOnly = true)
    Optional<Message> find(UUID id) {
        return jdbc.sql("SELECT * FROM messages WHERE tenant_id = ? AND id = ?").params(tenant(), id)
                .query(MessageStore::map).optional();
    }

    /** Newest first; {@code after} is the cursor key {@code <created_at>|<id>} of the last message seen. */
    @Transactional(readOnly = true)
    List<Message> list(String channel, String status, UUID appointmentId, String after, int limit) {
        String[] key = after == null ? new String[] {null, null} : after.split("\\|", 2);
        return jdbc.sql("""
                SELECT * FROM messages WHERE tenant_id = :tenant
                  AND (CAST(:channel AS text) IS NULL OR channel = :channel)
                  AND (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:appointment AS uuid) IS NULL OR appointment_id = :appointment)
                  AND (CAST(:after_at AS timestamptz) IS NULL
                       OR (created_at, id) < (CAST(:after_at AS timestamptz), CAST(:after_id AS uuid)))
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant()).param("channel", channel).param("status", status).param("appointment", appointmentId)
                .param("after_at", key[0]).param("after_id", key.length > 1 ? key[1] : null).param("limit", limit)
                .query(MessageStore::map).list();
    }

    /** A failed, undelivered or unsent message back to queued for another try; empty when it is not failed (or not found). */
    @Transactional
    Optional<Message> requeue(UUID id) {
        return jdbc.sql("""
                UPDATE messages SET status = 'queued', error = NULL, provider_id = NULL, attempts = attempts + 1,
                    next_attempt_at = NULL, updated_at = now()
                WHERE tenant_id = ? AND id = ? AND status IN ('failed', 'undelivered', 'not_sent') RETURNING *""")
                .params(tenant(), id).query(MessageStore::map).optional();
    }

    /** The messages page: newest first, by status, purpose, contact card or appointment (each optional). */
    @Transactional(readOnly = true)
    List<Message> recent(String status, String purpose, UUID contact, UUID appointment, int limit) {
        return jdbc.sql("""
                SELECT * FROM messages WHERE tenant_id = :tenant
                  AND (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:purpose AS text) IS NULL OR purpose = :purpose)
                  AND (CAST(:contact AS uuid) IS NULL OR contact_card_id = :contact)
                  AND (CAST(:appointment AS uuid) IS NULL OR appointment_id = :appointment)
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant()).param("status", status).param("purpose", purpose).param("contact", contact)
                .param("appointment", appointment).param("limit", limit).query(MessageStore::map).list();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Message map(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        Timestamp next = rs.getTimestamp("next_attempt_at");
        return new Message(rs.getObject("id", UUID.class), rs.getString("channel"), rs.getString("to_address"),
                rs.getString("subject"), rs.getString("body"), rs.getString("purpose"), rs.getObject("appointment_id", UUID.class),
                rs.getObject("contact_card_id", UUID.class), rs.getString("provider_id"), rs.getString("status"),
                rs.getString("error"), rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("attempts"),
                next == null ? null : next.toInstant(), rs.getString("direction"), rs.getString("from_address"));
    }
}
