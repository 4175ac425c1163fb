package io.verbatim.voiceagents.internal;

import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's agent bookings, and the call facts a booking is read from. */
@Component
class AgentBookingStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    AgentBookingStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One call's outcome; {@code serviceName} is the catalogue's name of the referenced service. */
    record AgentBooking(UUID conversationId, UUID appointmentId, UUID serviceId, String serviceName, String requestedService,
                        String origin, String status, List<String> flags, String detail, Instant scheduledStart,
                        Instant scheduledEnd, Instant createdAt) {
    }

    /** A voice-agent call as booking needs it; empty for a conversation that is no voice-agent call. */
    record CallFacts(UUID contactCardId, String bookingStatus, Map<String, Object> structuredData, String assistantName, String callId) {
    }

    @Transactional(readOnly = true)
    Optional<CallFacts> call(UUID conversationId) {
        return jdbc.sql("""
                SELECT c.contact_card_id, a.booking_status, c.attributes -> 'structured_data' AS structured,
                       c.attributes ->> 'assistant_name' AS assistant, c.attributes ->> 'call_id' AS call_id
                FROM conversations c LEFT JOIN analyses a ON a.tenant_id = c.tenant_id AND a.conversation_id = c.id
                WHERE c.tenant_id = ? AND c.id = ? AND c.attributes ->> 'voice_provider' IS NOT NULL""")
                .params(tenant(), conversationId)
                .query((rs, n) -> {
                    String structured = rs.getString("structured");
                    return new CallFacts(rs.getObject("contact_card_id", UUID.class), rs.getString("booking_status"),
                            structured == null || !structured.startsWith("{") ? Map.of() : json.readValue(structured, MAP),
                            rs.getString("assistant"), rs.getString("call_id"));
                })
                .optional();
    }

    @Transactional(readOnly = true)
    Optional<AgentBooking> find(UUID conversationId) {
        return jdbc.sql(SELECT + " WHERE b.tenant_id = ? AND b.conversation_id = ?").params(tenant(), conversationId)
                .query(AgentBookingStore::map).optional();
    }

    @Transactional(readOnly = true)
    List<AgentBooking> recent(int limit) {
        return jdbc.sql(SELECT + " WHERE b.tenant_id = ? ORDER BY b.created_at DESC, b.conversation_id LIMIT ?").params(tenant(), limit)
                .query(AgentBookingStore::map).list();
    }

    @Transactional
    void save(UUID conversationId, UUID appointmentId, UUID serviceId, BookingRequests.Request r, String status, List<String> flags,
              String detail, Instant start, Instant end) {
        jdbc.sql("""
                INSERT INTO agent_bookings (conversation_id, tenant_id, appointment_id, service_id, requested_service, origin, status,
                    flags, detail, scheduled_start, scheduled_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (conversation_id) DO UPDATE SET appointment_id = EXCLUDED.appointment_id, service_id = EXCLUDED.service_id,
                    requested_service = EXCLUDED.requested_service, origin = EXCLUDED.origin, status = EXCLUDED.status,
                    flags = EXCLUDED.flags, detail = EXCLUDED.detail, scheduled_start = EXCLUDED.scheduled_start,
                    scheduled_end = EXCLUDED.scheduled_end, updated_at = now()""")
                .params(conversationId, tenant(), appointmentId, serviceId, r.service(), r.origin(), status,
                        flags.toArray(String[]::new), detail, ts(start), ts(end))
                .update();
    }

    private static final String SELECT = """
            SELECT b.*, s.name AS service_name FROM agent_bookings b
            LEFT JOIN services s ON s.tenant_id = b.tenant_id AND s.id = b.service_id""";

    private static AgentBooking map(ResultSet rs, int n) throws SQLException {
        return new AgentBooking(rs.getObject("conversation_id", UUID.class), rs.getObject("appointment_id", UUID.class),
                rs.getObject("service_id", UUID.class), rs.getString("service_name"), rs.getString("requested_service"),
                rs.getString("origin"), rs.getString("status"), List.of((String[]) rs.getArray("flags").getArray()),
                rs.getString("detail"), instant(rs.getTimestamp("scheduled_start")), instant(rs.getTimestamp("scheduled_end")),
                instant(rs.getTimestamp("created_at")));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
