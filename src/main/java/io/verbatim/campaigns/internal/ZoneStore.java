package io.verbatim.campaigns.internal;

import io.verbatim.campaigns.Zone;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.Users;
import io.verbatim.platform.IsoRegions;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Zones of the current tenant and who is assigned to each. */
@Service
class ZoneStore {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Users users;

    ZoneStore(JdbcClient jdbc, AuditLog audit, Users users) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
    }

    record ZoneFields(String name, String country, String state, String city) {
    }

    @Transactional
    Zone create(ZoneFields f) {
        UUID id = UUID.randomUUID();
        String country = IsoRegions.country(f.country());
        try {
            jdbc.sql("INSERT INTO zones (id, tenant_id, name, country, state, city) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, TenantContext.require().value(), name(f.name()), country, IsoRegions.state(f.state(), country), blank(f.city()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("zone-exists", "A zone named '" + f.name() + "' exists");
        }
        audit.record("zone.created", "zone", id.toString(), Map.of("name", f.name()));
        return find(id).orElseThrow();
    }

    @Transactional
    Zone update(UUID id, ZoneFields f) {
        Zone z = find(id).orElseThrow(() -> ProblemException.notFound("Zone " + id));
        String country = f.country() == null ? z.country() : IsoRegions.country(f.country());
        String state = f.state() == null ? (country.equals(z.country()) ? z.state() : null) : IsoRegions.state(f.state(), country);
        try {
            jdbc.sql("UPDATE zones SET name = ?, country = ?, state = ?, city = ?, updated_at = now() WHERE id = ?")
                    .params(f.name() == null ? z.name() : name(f.name()), country, state, f.city() == null ? z.city() : blank(f.city()), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("zone-exists", "A zone named '" + f.name() + "' exists");
        }
        audit.record("zone.updated", "zone", id.toString(), Map.of());
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    Optional<Zone> find(UUID id) {
        return jdbc.sql("SELECT * FROM zones WHERE id = ? AND deleted_at IS NULL").param(id).query(ZoneStore::map).optional();
    }

    @Transactional(readOnly = true)
    List<Zone> list(boolean deleted) {
        return jdbc.sql("SELECT * FROM zones WHERE (deleted_at IS NOT NULL) = ? ORDER BY lower(name), id LIMIT 1000")
                .param(deleted).query(ZoneStore::map).list();
    }

    @Transactional
    void delete(UUID id) {
        if (jdbc.sql("UPDATE zones SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL").param(id).update() == 0) {
            throw ProblemException.notFound("Zone " + id);
        }
        audit.record("zone.deleted", "zone", id.toString(), Map.of());
    }

    @Transactional
    Zone restore(UUID id) {
        try {
            if (jdbc.sql("UPDATE zones SET deleted_at = NULL, updated_at = now() WHERE id = ? AND deleted_at IS NOT NULL").param(id).update() == 0) {
                throw ProblemException.notFound("Deleted zone " + id);
            }
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("zone-exists", "Another zone now has this name; rename it first");
        }
        audit.record("zone.restored", "zone", id.toString(), Map.of());
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<UUID> members(UUID zoneId) {
        find(zoneId).orElseThrow(() -> ProblemException.notFound("Zone " + zoneId));
        return jdbc.sql("SELECT user_id FROM zone_members WHERE zone_id = ? ORDER BY user_id").param(zoneId).query(UUID.class).list();
    }

    /** Replaces the zone's people (managers and shoppers of the tenant). */
    @Transactional
    List<UUID> assign(UUID zoneId, List<UUID> userIds) {
        find(zoneId).orElseThrow(() -> ProblemException.notFound("Zone " + zoneId));
        List<UUID> ids = userIds == null ? List.of() : userIds.stream().distinct().toList();
        for (UUID u : ids) {
            if (users.find(u).filter(io.verbatim.identity.User::active).isEmpty()) {
                throw ProblemException.badRequest("unknown-user", "No active user " + u);
            }
        }
        jdbc.sql("DELETE FROM zone_members WHERE zone_id = ?").param(zoneId).update();
        for (UUID u : ids) {
            jdbc.sql("INSERT INTO zone_members (tenant_id, zone_id, user_id) VALUES (?, ?, ?)")
                    .params(TenantContext.require().value(), zoneId, u).update();
        }
        audit.record("zone.assigned", "zone", zoneId.toString(), Map.of("users", ids.size()));
        return members(zoneId);
    }

    static Zone map(ResultSet rs, int n) throws SQLException {
        return new Zone(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("country"), rs.getString("state"),
                rs.getString("city"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("deleted_at") == null ? null : rs.getTimestamp("deleted_at").toInstant());
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "name must be 1-200 characters");
        }
        return name.strip();
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
