package io.verbatim.appointments.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.contacts.ContactTimelineSource;
import io.verbatim.contacts.TimelineItem;
import io.verbatim.identity.Role;
import io.verbatim.tenancy.TenantContext;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A card's appointments and the recording sessions of those appointments on its timeline, in the caller's
 * {@link AppointmentScope} (a rep their own, a CSR those they booked; shoppers none).
 */
@Component
class AppointmentTimeline implements ContactTimelineSource {

    private final JdbcClient jdbc;

    AppointmentTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineItem> timelineOf(UUID card) {
        AppointmentScope scope = AppointmentScope.current();
        if (scope.user().role() == Role.AGENT && !scope.rep() && !scope.csr()) {
            return List.of();
        }
        String tenant = TenantContext.require().value();
        List<TimelineItem> items = new ArrayList<>();
        jdbc.sql("SELECT a.* FROM appointments a WHERE a.tenant_id = :t AND a.contact_card_id = :card AND "
                        + scope.predicate() + " ORDER BY a.scheduled_start DESC LIMIT 50")
                .param("t", tenant).param("card", card).param("me", scope.me())
                .query(AppointmentStore.ROWS).list().forEach(a -> items.add(item(a)));
        jdbc.sql("""
                        SELECT r.id, r.appointment_id, r.status, r.bytes_received, r.conversation_id, r.started_at, r.stopped_at
                        FROM recording_sessions r JOIN appointments a ON a.tenant_id = r.tenant_id AND a.id = r.appointment_id
                        WHERE r.tenant_id = :t AND a.contact_card_id = :card AND """ + " " + scope.predicate()
                        + " ORDER BY r.started_at DESC LIMIT 50")
                .param("t", tenant).param("card", card).param("me", scope.me())
                .query((rs, n) -> {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("appointment_id", rs.getObject("appointment_id", UUID.class));
                    detail.put("status", rs.getString("status"));
                    detail.put("bytes_received", rs.getLong("bytes_received"));
                    put(detail, "conversation_id", rs.getObject("conversation_id", UUID.class));
                    Timestamp stopped = rs.getTimestamp("stopped_at");
                    put(detail, "stopped_at", stopped == null ? null : stopped.toInstant());
                    return new TimelineItem("recording_session", rs.getObject("id", UUID.class),
                            rs.getTimestamp("started_at").toInstant(), "Visit recording", detail);
                })
                .list().forEach(items::add);
        return items;
    }

    private static TimelineItem item(Appointment a) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", a.status());
        detail.put("outcome", a.outcome());
        detail.put("scheduled_start", a.scheduledStart());
        detail.put("scheduled_end", a.scheduledEnd());
        detail.put("sales_rep_id", a.salesRepId());
        put(detail, "service_type", a.serviceType());
        put(detail, "deal_value", a.dealValue());
        String title = "Appointment" + (a.serviceType() == null ? "" : " · " + a.serviceType());
        return new TimelineItem("appointment", a.id(), a.scheduledStart(), title, detail);
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
