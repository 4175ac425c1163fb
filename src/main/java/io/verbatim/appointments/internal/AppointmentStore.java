package io.verbatim.appointments.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.appointments.NewAppointment;
import io.verbatim.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The appointments table, under row-level security; role scope is the caller's {@link AppointmentScope} predicate. */
@Component
class AppointmentStore {

    static final RowMapper<Appointment> ROWS = AppointmentStore::map;
    private final JdbcClient jdbc;

    AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts in its own transaction, so that a refusal by the exclusion constraint can be reported after it. */
    @Transactional
    Appointment insert(NewAppointment n) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO appointments (id, tenant_id, contact_card_id, sales_rep_id, booked_by_id, service_type,
                    scheduled_start, scheduled_end, source_conversation_id, notes, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant(), n.contactCardId(), n.salesRepId(), n.bookedById(), n.serviceType(),
                        ts(n.scheduledStart()), ts(n.scheduledEnd()), n.sourceConversationId(), n.notes(), n.idempotencyKey())
                .update();
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    Optional<Appointment> find(UUID id) {
        return jdbc.sql("SELECT * FROM appointments WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(ROWS).optional();
    }

    @Transactional(readOnly = true)
    Optional<Appointment> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT * FROM appointments WHERE tenant_id = ? AND idempotency_key = ?").params(tenant(), key)
                .query(ROWS).optional();
    }

    @Transactional(readOnly = true)
    List<Appointment> createdSince(Instant since, int limit) {
        return jdbc.sql("""
                SELECT * FROM appointments WHERE tenant_id = ? AND status = 'scheduled' AND created_at >= ?
                ORDER BY created_at, id LIMIT ?""").params(tenant(), ts(since), limit).query(ROWS).list();
    }

    /** The active appointment of the rep that overlaps the range: what refused a booking. */
    @Transactional(readOnly = true)
    Optional<Appointment> overlapping(UUID rep, Instant start, Instant end, UUID except) {
        return jdbc.sql("""
                SELECT * FROM appointments WHERE tenant_id = ? AND sales_rep_id = ? AND status IN ('scheduled', 'completed')
                  AND tstzrange(scheduled_start, scheduled_end) && tstzrange(?, ?) AND id IS DISTINCT FROM ?
                ORDER BY scheduled_start LIMIT 1""")
                .params(tenant(), rep, ts(start), ts(end), except).query(ROWS).optional();
    }

    /** Changes what the patch names (null = unchanged); a deal value of -1 clears it. */
    @Transactional
    Optional<Appointment> update(UUID id, String status, String outcome, BigDecimal dealValue, Instant start, Instant end) {
        int n = jdbc.sql("""
                UPDATE appointments SET status = COALESCE(?, status), outcome = COALESCE(?, outcome),
                    deal_value = CASE WHEN CAST(? AS numeric) IS NULL THEN deal_value WHEN CAST(? AS numeric) < 0 THEN NULL
                                      ELSE CAST(? AS numeric) END,
                    scheduled_start = COALESCE(?, scheduled_start), scheduled_end = COALESCE(?, scheduled_end), updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(status, outcome, dealValue, dealValue, dealValue, ts(start), ts(end), tenant(), id).update();
        return n == 0 ? Optional.empty() : find(id);
    }

    /** Appointments visible under {@code predicate} (alias {@code a}, parameter {@code :me}) in [from, to), by start. */
    @Transactional(readOnly = true)
    List<Appointment> between(String predicate, UUID me, UUID rep, Instant from, Instant to, String status, String after,
                              int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM appointments a WHERE a.tenant_id = :tenant AND " + predicate);
        if (rep != null) {
            sql.append(" AND a.sales_rep_id = :rep");
        }
        if (from != null) {
            sql.append(" AND a.scheduled_start >= :from");
        }
        if (to != null) {
            sql.append(" AND a.scheduled_start < :to");
        }
        if (status != null) {
            sql.append(" AND a.status = :status");
        }
        if (after != null) {
            sql.append(" AND (a.scheduled_start, a.id) > (CAST(:after_start AS timestamptz), CAST(:after_id AS uuid))");
        }
        sql.append(" ORDER BY a.scheduled_start, a.id LIMIT :limit");
        var spec = jdbc.sql(sql.toString()).param("tenant", tenant()).param("me", me).param("rep", rep)
                .param("from", ts(from)).param("to", ts(to)).param("status", status).param("limit", limit);
        if (after != null) {
            String[] parts = after.split("\\|", 2);
            spec = spec.param("after_start", parts[0]).param("after_id", parts.length > 1 ? parts[1] : null);
        }
        return spec.query(ROWS).list();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Appointment map(ResultSet rs, int n) throws SQLException {
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("contact_card_id", UUID.class),
                rs.getObject("sales_rep_id", UUID.class), rs.getObject("booked_by_id", UUID.class), rs.getString("service_type"),
                rs.getTimestamp("scheduled_start").toInstant(), rs.getTimestamp("scheduled_end").toInstant(),
                rs.getString("status"), rs.getString("outcome"), rs.getBigDecimal("deal_value"),
                rs.getObject("source_conversation_id", UUID.class), rs.getString("notes"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
