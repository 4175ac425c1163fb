package io.verbatim.identity.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams of the current tenant; a manager sees their team's conversations. */
@Service
class Teams {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Teams(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Team(UUID id, String name, int members, Instant createdAt, Instant updatedAt) {
    }

    @Transactional(readOnly = true)
    Page<Team> list(String cursor, int limit) {
        String after = Page.decode(cursor);
        List<Team> rows = jdbc.sql("""
                SELECT t.*, (SELECT count(*) FROM users u WHERE u.tenant_id = t.tenant_id AND u.team_id = t.id) AS members
                FROM teams t WHERE t.tenant_id = :tenant AND (CAST(:after AS text) IS NULL OR t.id::text > :after)
                ORDER BY t.id::text LIMIT :limit""")
                .param("tenant", tenant()).param("after", after).param("limit", limit + 1)
                .query((rs, n) -> new Team(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("members"),
                        AccountRecord.instant(rs.getTimestamp("created_at")), AccountRecord.instant(rs.getTimestamp("updated_at"))))
                .list();
        return Page.of(rows, limit, t -> t.id().toString());
    }

    @Transactional(readOnly = true)
    Team get(UUID id) {
        return jdbc.sql("""
                SELECT t.*, (SELECT count(*) FROM users u WHERE u.tenant_id = t.tenant_id AND u.team_id = t.id) AS members
                FROM teams t WHERE t.tenant_id = ? AND t.id = ?""")
                .params(tenant(), id)
                .query((rs, n) -> new Team(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("members"),
                        AccountRecord.instant(rs.getTimestamp("created_at")), AccountRecord.instant(rs.getTimestamp("updated_at"))))
                .optional().orElseThrow(() -> ProblemException.notFound("Team " + id));
    }

    @Transactional
    Team create(String name) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO teams (id, tenant_id, name) VALUES (?, ?, ?)").params(id, tenant(), requireName(name)).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-team", "A team named '" + name + "' already exists");
        }
        audit.record("team.created", "team", id.toString(), Map.of("name", name));
        return get(id);
    }

    @Transactional
    Team rename(UUID id, String name) {
        get(id);
        try {
            jdbc.sql("UPDATE teams SET name = ?, updated_at = now() WHERE tenant_id = ? AND id = ?")
                    .params(requireName(name), tenant(), id).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-team", "A team named '" + name + "' already exists");
        }
        audit.record("team.renamed", "team", id.toString(), Map.of("name", name));
        return get(id);
    }

    @Transactional
    void delete(UUID id) {
        get(id);
        jdbc.sql("DELETE FROM teams WHERE tenant_id = ? AND id = ?").params(tenant(), id).update();
        audit.record("team.deleted", "team", id.toString(), Map.of());
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemException.badRequest("validation", "name must be 1-200 characters");
        }
        return name.strip();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
