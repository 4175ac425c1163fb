package io.verbatim.csr.internal;

import io.verbatim.csr.CsrProperties;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Missed inbound calls and their rescue. A call is missed when its webhook said so (conversations.missed_reason) or
 * when an analysed inbound phone call has no agent speech. It is rescued when the contact was booked within the
 * rescue window after the miss (an appointment, or a later call the analysis marks booked): a sent SMS or an
 * unanswered call back does not count. The rescue goes to whoever had the last contact with the caller before the
 * booking: a voice agent ({@code ai_voice}), a chat/SMS conversation ({@code ai_sms}), else a person ({@code human}).
 */
@Service
class MissedCalls {

    /** One missed call; {@code status} is {@code open} until a booking rescues it. */
    record MissedCall(UUID conversationId, UUID contactCardId, String phone, String name, UUID csrUserId,
                      Instant missedAt, String reason, String status, String rescuedBy, Instant rescuedAt,
                      String closedReason, Instant closedAt) {
    }

    /**
     * The missed calls of a window, as two index-backed halves (an OR across the join would read every call of the
     * window): those a webhook marked ({@code conversations_missed}), and analysed inbound phone calls without agent
     * speech ({@code analyses_no_agent_speech}, V39). {@code %1$s}: an extra condition on {@code c} for both halves.
     */
    static final String MISSED = """
            SELECT c.id, c.contact_card_id, c.customer_phone, c.customer_name, c.agent_user_id, c.occurred_at,
                   c.missed_reason AS reason
            FROM conversations c
            WHERE c.tenant_id = :t AND c.occurred_at >= :from AND c.occurred_at < :to AND c.missed_reason IS NOT NULL %1$s
            UNION ALL
            SELECT c.id, c.contact_card_id, c.customer_phone, c.customer_name, c.agent_user_id, c.occurred_at,
                   'no_agent_speech' AS reason
            FROM analyses an JOIN conversations c ON c.id = an.conversation_id
            WHERE an.tenant_id = :t AND an.agent_talk_seconds = 0 AND c.tenant_id = :t
              AND c.occurred_at >= :from AND c.occurred_at < :to AND c.missed_reason IS NULL
              AND c.channel = 'phone' AND c.direction <> 'outbound' %1$s
            """;

    private static final String RESCUE = """
            WITH missed AS (%s)
            SELECT m.*, b.booked_at, mc.reason AS closed_reason, mc.closed_at,
                   CASE WHEN b.booked_at IS NULL THEN NULL
                        WHEN t.channel = 'voice_agent' THEN 'ai_voice'
                        WHEN t.channel = 'chat' THEN 'ai_sms'
                        ELSE 'human' END AS rescued_by
            FROM missed m
            LEFT JOIN LATERAL (
                SELECT min(x.at) AS booked_at FROM (
                    SELECT ap.created_at AS at FROM appointments ap
                    WHERE ap.tenant_id = :t AND ap.contact_card_id = m.contact_card_id AND ap.status <> 'cancelled'
                      AND ap.created_at > m.occurred_at AND ap.created_at <= m.occurred_at + make_interval(secs => :win)
                    UNION ALL
                    SELECT c2.occurred_at FROM conversations c2 JOIN analyses a2 ON a2.conversation_id = c2.id
                    WHERE c2.tenant_id = :t AND c2.contact_card_id = m.contact_card_id AND a2.booking_status = 'booked'
                      AND c2.occurred_at > m.occurred_at AND c2.occurred_at <= m.occurred_at + make_interval(secs => :win)
                ) x) b ON TRUE
            LEFT JOIN LATERAL (
                SELECT c3.channel FROM conversations c3
                WHERE c3.tenant_id = :t AND c3.contact_card_id = m.contact_card_id
                  AND c3.occurred_at > m.occurred_at AND c3.occurred_at <= b.booked_at
                ORDER BY c3.occurred_at DESC LIMIT 1) t ON b.booked_at IS NOT NULL
            LEFT JOIN missed_call_closures mc ON mc.tenant_id = :t AND mc.conversation_id = m.id
            %s
            ORDER BY m.occurred_at DESC, m.id
            %s
            """;

    private final JdbcClient jdbc;
    private final CsrProperties properties;

    MissedCalls(JdbcClient jdbc, CsrProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Every missed call in the window (optionally only those that rang for one CSR), rescued or not, newest first. */
    @Transactional(readOnly = true)
    public List<MissedCall> all(Window window, UUID csr) {
        return query(window, csr, "", "");
    }

    /**
     * The CSR metrics' {@code auto_rescues}: per CSR, the window's missed calls that rang for them and that an AI
     * conversation (voice agent or chat) rescued. Only calls with a CSR are looked up, and only AI rescues kept.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Long> autoRescues(Window window, UUID csr) {
        String missed = MISSED.formatted("AND c.agent_user_id IS NOT NULL" + (csr == null ? "" : " AND c.agent_user_id = :csr"));
        var spec = jdbc.sql(RESCUE.formatted(missed, "WHERE t.channel IN ('voice_agent', 'chat')", "")).params(params(window));
        if (csr != null) {
            spec = spec.param("csr", csr);
        }
        Map<UUID, Long> counts = new HashMap<>();
        spec.query(MissedCalls::row).list().forEach(m -> counts.merge(m.csrUserId(), 1L, Long::sum));
        return counts;
    }

    /** The queue: missed calls not (yet) rescued nor closed by hand, newest first. */
    @Transactional(readOnly = true)
    public List<MissedCall> open(Window window, UUID csr, int limit) {
        return query(window, csr, "WHERE b.booked_at IS NULL AND mc.conversation_id IS NULL", "LIMIT " + limit);
    }

    /** Whether this conversation of the current tenant is a missed call (at any time). */
    @Transactional(readOnly = true)
    public boolean isMissed(UUID conversation) {
        return jdbc.sql("""
                        SELECT count(*) FROM conversations c LEFT JOIN analyses an ON an.conversation_id = c.id
                        WHERE c.tenant_id = :t AND c.id = :id
                          AND (c.missed_reason IS NOT NULL
                               OR (c.channel = 'phone' AND c.direction <> 'outbound' AND an.agent_talk_seconds = 0))""")
                .param("t", TenantContext.require().value()).param("id", conversation).query(Long.class).single() > 0;
    }

    /** Takes a missed call off the queue by hand; a second close keeps the first one (false). */
    @Transactional
    public boolean close(UUID conversation, String reason, String note, UUID by) {
        return jdbc.sql("""
                        INSERT INTO missed_call_closures (tenant_id, conversation_id, reason, note, closed_by)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(TenantContext.require().value(), conversation, reason, note, by).update() == 1;
    }

    private List<MissedCall> query(Window window, UUID csr, String where, String limit) {
        String missed = MISSED.formatted(csr == null ? "" : "AND c.agent_user_id = :csr");
        var spec = jdbc.sql(RESCUE.formatted(missed, where, limit)).params(params(window));
        if (csr != null) {
            spec = spec.param("csr", csr);
        }
        return spec.query(MissedCalls::row).list();
    }

    private Map<String, Object> params(Window window) {
        return Map.of("t", TenantContext.require().value(), "from", Timestamp.from(window.start()),
                "to", Timestamp.from(window.end()), "win", (double) properties.rescueWindow().toSeconds());
    }

    private static MissedCall row(ResultSet rs, int n) throws SQLException {
        Timestamp booked = rs.getTimestamp("booked_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        String status = booked != null ? "rescued" : closed != null ? "closed" : "open";
        return new MissedCall(rs.getObject("id", UUID.class), rs.getObject("contact_card_id", UUID.class),
                rs.getString("customer_phone"), rs.getString("customer_name"), rs.getObject("agent_user_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("reason"), status,
                rs.getString("rescued_by"), booked == null ? null : booked.toInstant(), rs.getString("closed_reason"),
                closed == null ? null : closed.toInstant());
    }
}
