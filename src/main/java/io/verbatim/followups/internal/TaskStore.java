package io.verbatim.followups.internal;

import io.verbatim.followups.Task;
import io.verbatim.tenancy.TenantContext;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tasks table, under row-level security. */
@Component
class TaskStore {

    private static final RowMapper<Task> ROWS = TaskStore::map;
    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a task; one from the analysis that exists already under its natural key is left as it is (false). */
    @Transactional
    boolean insert(Task t) {
        String conflict = "analysis".equals(t.origin())
                ? " ON CONFLICT (tenant_id, (COALESCE(contact_card_id, source_conversation_id)), category, due_date)"
                  + " WHERE origin = 'analysis' DO NOTHING" : "";
        return jdbc.sql("""
                INSERT INTO tasks (id, tenant_id, contact_card_id, source_conversation_id, appointment_id, category, title,
                    due_date, due_hint, assignee_kind, assignee_id, status, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" + conflict)
                .params(t.id(), tenant(), t.contactCardId(), t.sourceConversationId(), t.appointmentId(), t.category(), t.title(),
                        date(t.dueDate()), t.dueHint(), t.assigneeKind(), t.assigneeId(), t.status(), t.origin())
                .update() == 1;
    }

    @Transactional(readOnly = true)
    Optional<Task> find(UUID id) {
        return jdbc.sql("SELECT * FROM tasks WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(ROWS).optional();
    }

    @Transactional
    Optional<Task> update(UUID id, String status, LocalDate dueDate, String assigneeKind, UUID assigneeId) {
        int n = jdbc.sql("""
                UPDATE tasks SET status = COALESCE(?, status), due_date = COALESCE(?, due_date),
                    assignee_kind = COALESCE(?, assignee_kind), assignee_id = COALESCE(?, assignee_id), updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(status, date(dueDate), assigneeKind, assigneeId, tenant(), id).update();
        return n == 0 ? Optional.empty() : find(id);
    }

    /** Filters are optional; {@code assignee} narrows to one person's tasks. Ordered by due day (none last), then id. */
    @Transactional(readOnly = true)
    List<Task> list(UUID assignee, String status, UUID contact, UUID conversation, String after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM tasks t WHERE t.tenant_id = :tenant");
        if (assignee != null) {
            sql.append(" AND t.assignee_id = :assignee");
        }
        if (status != null) {
            sql.append(" AND t.status = :status");
        }
        if (contact != null) {
            sql.append(" AND t.contact_card_id = :contact");
        }
        if (conversation != null) {
            sql.append(" AND t.source_conversation_id = :conversation");
        }
        if (after != null) {
            sql.append(" AND (COALESCE(t.due_date, DATE '9999-12-31'), t.id) > (CAST(:after_due AS date), CAST(:after_id AS uuid))");
        }
        sql.append(" ORDER BY COALESCE(t.due_date, DATE '9999-12-31'), t.id LIMIT :limit");
        var spec = jdbc.sql(sql.toString()).param("tenant", tenant()).param("assignee", assignee).param("status", status)
                .param("contact", contact).param("conversation", conversation).param("limit", limit);
        if (after != null) {
            String[] parts = after.split("\\|", 2);
            spec = spec.param("after_due", parts[0]).param("after_id", parts.length > 1 ? parts[1] : null);
        }
        return spec.query(ROWS).list();
    }

    static String cursorKey(Task t) {
        return (t.dueDate() == null ? "9999-12-31" : t.dueDate().toString()) + "|" + t.id();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Task map(ResultSet rs, int n) throws SQLException {
        Date due = rs.getDate("due_date");
        return new Task(rs.getObject("id", UUID.class), rs.getObject("contact_card_id", UUID.class),
                rs.getObject("source_conversation_id", UUID.class), rs.getObject("appointment_id", UUID.class),
                rs.getString("category"), rs.getString("title"), due == null ? null : due.toLocalDate(), rs.getString("due_hint"),
                rs.getString("assignee_kind"), rs.getObject("assignee_id", UUID.class), rs.getString("status"),
                rs.getString("origin"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
