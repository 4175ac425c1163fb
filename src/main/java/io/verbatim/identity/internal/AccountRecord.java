package io.verbatim.identity.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A row of the users table. */
record AccountRecord(UUID id, TenantId tenantId, String email, String name, String passwordHash, Role role,
                     AgentKind agentKind, UUID teamId, String externalSubject, boolean active,
                     Instant createdAt, Instant updatedAt, Instant lastLoginAt) {

    static AccountRecord map(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("agent_kind");
        return new AccountRecord(rs.getObject("id", UUID.class), new TenantId(rs.getString("tenant_id")),
                rs.getString("email"), rs.getString("name"), rs.getString("password_hash"),
                Role.fromWire(rs.getString("role")), kind == null ? null : AgentKind.fromWire(kind),
                rs.getObject("team_id", UUID.class), rs.getString("external_subject"), rs.getBoolean("active"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("last_login_at")));
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
