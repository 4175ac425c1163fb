package io.verbatim.identity.internal;

import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tenant's audit log, newest first, for admins. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class AuditController {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record AuditEntry(long id, Instant at, String actorType, String actorId, String actorEmail, String action,
                      String targetType, String targetId, String ip, JsonNode detail) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    public Page<AuditEntry> list(@RequestParam(required = false) String action, @RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        Long before = parseCursor(Page.decode(cursor));
        List<AuditEntry> rows = jdbc.sql("""
                SELECT * FROM audit_log
                WHERE tenant_id = :tenant AND (CAST(:before AS bigint) IS NULL OR id < CAST(:before AS bigint))
                  AND (CAST(:action AS text) IS NULL OR action = :action OR action LIKE :action || '.%')
                ORDER BY id DESC LIMIT :limit""")
                .param("tenant", TenantContext.require().value()).param("before", before).param("action", action)
                .param("limit", size + 1)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor_type"),
                        rs.getString("actor_id"), rs.getString("actor_email"), rs.getString("action"),
                        rs.getString("target_type"), rs.getString("target_id"), rs.getString("ip"),
                        json.readTree(rs.getString("detail"))))
                .list();
        return Page.of(rows, size, e -> Long.toString(e.id()));
    }

    private static Long parseCursor(String key) {
        try {
            return key == null ? null : Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this API issued");
        }
    }
}
