package io.verbatim.leads.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** lead_history: who changed what on a lead, and why. */
final class LeadHistory {

    record Entry(Instant at, String field, String oldValue, String newValue, String changedBy, String actorId, String reason) {
    }

    private LeadHistory() {
    }

    static void record(JdbcClient jdbc, String tenant, UUID lead, String field, String oldValue, String newValue,
                       String changedBy, String actorId, String reason) {
        if (java.util.Objects.equals(oldValue, newValue)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO lead_history (tenant_id, lead_id, field, old_value, new_value, changed_by, actor_id, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant, lead, field, oldValue, newValue, changedBy, actorId, reason).update();
    }

    static List<Entry> of(JdbcClient jdbc, String tenant, UUID lead) {
        return jdbc.sql("SELECT * FROM lead_history WHERE tenant_id = ? AND lead_id = ? ORDER BY id")
                .params(tenant, lead)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value"), rs.getString("changed_by"), rs.getString("actor_id"), rs.getString("reason")))
                .list();
    }
}
