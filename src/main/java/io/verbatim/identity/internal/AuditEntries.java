package io.verbatim.identity.internal;

import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the current tenant's audit log, newest first, with the filters the API, the CSV export and the
 * Settings → Audit page share. Row-level security keeps every read inside the tenant; the explicit
 * {@code tenant_id} condition is the index's way in.
 */
@Component
class AuditEntries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditEntries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record AuditEntry(long id, Instant at, String actorType, String actorId, String actorEmail, String action,
                      String targetType, String targetId, String ip, JsonNode detail) {
    }

    /**
     * @param actor  part of the actor's e-mail (any case), or the actor's id exactly
     * @param action an action prefix: {@code auth} matches {@code auth.login} and {@code auth.login_failed}
     * @param from   entries at or after (a date means its start, UTC)
     * @param to     entries before (a date means the end of that day, UTC)
     */
    record Filter(String actor, String action, Instant from, Instant to) {

        static Filter parse(String actor, String action, String from, String to) {
            return new Filter(blankToNull(actor), blankToNull(action), instant(from, false), instant(to, true));
        }

        private static Instant instant(String value, boolean endOfDay) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("invalid-date", "'" + value + "' is not a date (2026-08-01) or a time (2026-08-01T09:30:00Z)");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** One page: entries older than {@code beforeId} ({@code null} = newest). */
    @Transactional(readOnly = true)
    List<AuditEntry> page(Filter filter, Long beforeId, int limit) {
        return query(filter, beforeId).param("limit", limit).query(this::map).list();
    }

    /** Every matching entry, streamed (the CSV export). */
    @Transactional(readOnly = true)
    void each(Filter filter, Consumer<AuditEntry> sink) {
        query(filter, null).param("limit", null).query(rs -> {
            sink.accept(map(rs, 0));
        });
    }

    private JdbcClient.StatementSpec query(Filter filter, Long beforeId) {
        String actorPattern = filter.actor() == null ? null
                : "%" + filter.actor().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                SELECT * FROM audit_log
                WHERE tenant_id = :tenant AND (CAST(:before AS bigint) IS NULL OR id < CAST(:before AS bigint))
                  AND (CAST(:action AS text) IS NULL OR starts_with(action, CAST(:action AS text)))
                  AND (CAST(:actor AS text) IS NULL OR lower(actor_email) LIKE CAST(:actorPattern AS text)
                       OR actor_id = CAST(:actor AS text))
                  AND (CAST(:from AS timestamptz) IS NULL OR at >= CAST(:from AS timestamptz))
                  AND (CAST(:to AS timestamptz) IS NULL OR at < CAST(:to AS timestamptz))
                ORDER BY id DESC LIMIT CAST(:limit AS integer)""")
                .param("tenant", TenantContext.require().value()).param("before", beforeId)
                .param("action", filter.action()).param("actor", filter.actor()).param("actorPattern", actorPattern)
                .param("from", filter.from() == null ? null : java.sql.Timestamp.from(filter.from()))
                .param("to", filter.to() == null ? null : java.sql.Timestamp.from(filter.to()));
    }

    private AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor_type"),
                rs.getString("actor_id"), rs.getString("actor_email"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("ip"), json.readTree(rs.getString("detail")));
    }

    static Long cursorId(String key) {
        try {
            return key == null ? null : Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this API issued");
        }
    }
}
