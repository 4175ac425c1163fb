package io.verbatim.voiceagents.internal;

import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's assistants and voice-agent calls, and the figures per assistant. */
@Component
class VoiceCalls {

    private final JdbcClient jdbc;

    VoiceCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One call as its report gave it. */
    record Call(UUID conversationId, String provider, String callId, String assistantId, String assistantName, Instant startedAt,
                String endedReason, Double cost, Double durationSeconds, boolean transferred, String success, String failureReason) {
    }

    /**
     * The assistant, created on first sight and named from that report (an admin may rename it; later reports
     * do not undo that), and the call linked to it; idempotent.
     */
    @Transactional
    UUID record(Call call) {
        UUID assistant = jdbc.sql("""
                INSERT INTO assistants (id, tenant_id, provider, provider_assistant_id, name) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, provider, provider_assistant_id) DO UPDATE SET provider = assistants.provider
                RETURNING id""")
                .params(UUID.randomUUID(), tenant(), call.provider(), call.assistantId(),
                        call.assistantName() == null ? call.assistantId() : call.assistantName())
                .query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO voice_calls (conversation_id, tenant_id, assistant_id, provider, call_id, started_at, ended_reason, cost,
                    duration_seconds, transferred, success, failure_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (conversation_id) DO UPDATE SET assistant_id = EXCLUDED.assistant_id, started_at = EXCLUDED.started_at,
                    ended_reason = EXCLUDED.ended_reason, cost = EXCLUDED.cost, duration_seconds = EXCLUDED.duration_seconds,
                    transferred = EXCLUDED.transferred, success = EXCLUDED.success, failure_reason = EXCLUDED.failure_reason""")
                .params(call.conversationId(), tenant(), assistant, call.provider(), call.callId(),
                        call.startedAt() == null ? null : Timestamp.from(call.startedAt()), call.endedReason(), call.cost(),
                        call.durationSeconds(), call.transferred(), call.success(), call.failureReason())
                .update();
        return assistant;
    }

    @Transactional(readOnly = true)
    List<Assistant> assistants() {
        return jdbc.sql("SELECT * FROM assistants WHERE tenant_id = ? ORDER BY name, id").param(tenant()).query(VoiceCalls::assistant).list();
    }

    @Transactional(readOnly = true)
    Optional<Assistant> find(UUID id) {
        return jdbc.sql("SELECT * FROM assistants WHERE tenant_id = ? AND id = ?").params(tenant(), id)
                .query(VoiceCalls::assistant).optional();
    }

    @Transactional
    Optional<Assistant> update(UUID id, String name, String purpose, boolean clearPurpose) {
        return jdbc.sql("""
                UPDATE assistants SET name = COALESCE(?, name), purpose = CASE WHEN ? THEN NULL ELSE COALESCE(?, purpose) END,
                    updated_at = now() WHERE tenant_id = ? AND id = ? RETURNING *""")
                .params(name, clearPurpose, purpose, tenant(), id).query(VoiceCalls::assistant).optional();
    }

    /**
     * Figures per assistant. Booking status is the analysis' own ({@code analyses.booking_status}, the
     * conversations module's table, read here rather than copied so a re-analysis is reflected at once).
     */
    @Transactional(readOnly = true)
    Map<UUID, AssistantMetrics> metrics() {
        Map<UUID, Map<String, Long>> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT assistant_id, COALESCE(ended_reason, 'unknown') AS reason, count(*) AS n FROM voice_calls
                WHERE tenant_id = ? GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2""").param(tenant())
                .query((RowCallbackHandler) rs -> reasons.computeIfAbsent(rs.getObject("assistant_id", UUID.class),
                        k -> new LinkedHashMap<>()).put(rs.getString("reason"), rs.getLong("n")));
        Map<UUID, AssistantMetrics> metrics = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT v.assistant_id, count(*) AS calls, count(a.conversation_id) AS analysed,
                       count(*) FILTER (WHERE a.booking_status = 'booked') AS booked,
                       count(*) FILTER (WHERE v.transferred) AS transfers,
                       sum(v.cost) AS total_cost, avg(v.cost) AS cost_per_call, avg(v.duration_seconds) AS avg_duration,
                       count(*) FILTER (WHERE v.failure_reason IS NOT NULL) AS failures
                FROM voice_calls v LEFT JOIN analyses a ON a.tenant_id = v.tenant_id AND a.conversation_id = v.conversation_id
                WHERE v.tenant_id = ? GROUP BY v.assistant_id""").param(tenant())
                .query((RowCallbackHandler) rs -> {
                    UUID id = rs.getObject("assistant_id", UUID.class);
                    long analysed = rs.getLong("analysed");
                    long booked = rs.getLong("booked");
                    Double total = number(rs, "total_cost");
                    metrics.put(id, new AssistantMetrics(rs.getLong("calls"), analysed, booked,
                            analysed == 0 ? null : round((double) booked / analysed), rs.getLong("transfers"), total,
                            number(rs, "cost_per_call"), booked == 0 || total == null ? null : round(total / booked),
                            number(rs, "avg_duration"), rs.getLong("failures"), reasons.getOrDefault(id, Map.of())));
                });
        return metrics;
    }

    @Transactional(readOnly = true)
    List<AssistantMetrics.FailedCall> failures(UUID assistant, int limit) {
        return jdbc.sql("""
                SELECT conversation_id, call_id, started_at, ended_reason, failure_reason FROM voice_calls
                WHERE tenant_id = ? AND assistant_id = ? AND failure_reason IS NOT NULL
                ORDER BY started_at DESC NULLS LAST, conversation_id LIMIT ?""")
                .params(tenant(), assistant, limit)
                .query((rs, n) -> new AssistantMetrics.FailedCall(rs.getObject("conversation_id", UUID.class), rs.getString("call_id"),
                        instant(rs.getTimestamp("started_at")), rs.getString("ended_reason"), rs.getString("failure_reason")))
                .list();
    }

    static AssistantMetrics empty() {
        return new AssistantMetrics(0, 0, 0, null, 0, null, null, null, null, 0, Map.of());
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : round(value);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Assistant assistant(ResultSet rs, int n) throws SQLException {
        return new Assistant(rs.getObject("id", UUID.class), rs.getString("provider"), rs.getString("provider_assistant_id"),
                rs.getString("name"), rs.getString("purpose"), instant(rs.getTimestamp("created_at")));
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
