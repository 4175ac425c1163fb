package io.verbatim.tenancy;

import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant directory. The tenants table is the one table that is not tenant-owned (a tenant is
 * not inside itself); who may call what here is decided by the API layer (platform admins only).
 */
@Service
public class Tenants {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public Tenants(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Creates a tenant; the same id and name again returns the existing one (a retried create). */
    @Transactional
    public Tenant create(TenantId id, String name, StorageMode mode, String externalOrgId) {
        String cleanName = requireName(name);
        int inserted = jdbc.sql("""
                INSERT INTO tenants (id, name, storage_mode, external_org_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""")
                .params(id.value(), cleanName, mode.wire(), blankToNull(externalOrgId)).update();
        Tenant tenant = find(id).orElseThrow();
        if (inserted == 0) {
            if (!tenant.name().equals(cleanName) || tenant.storageMode() != mode) {
                throw ProblemException.conflict("tenant-exists", "Tenant '" + id + "' already exists with other settings");
            }
            return tenant;
        }
        events.publishEvent(new TenantEvent.Created(id, cleanName));
        return tenant;
    }

    // The look-ups below run on every authenticated request and every upload. The tenants table has no row-level
    // security, so they need no transaction of their own (with its settings round trip and COMMIT): one
    // statement, one round trip; inside a caller's transaction they join it.

    public Optional<Tenant> find(TenantId id) {
        return jdbc.sql("SELECT * FROM tenants WHERE id = ?").param(id.value()).query(Tenants::map).optional();
    }

    public Tenant get(TenantId id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Tenant '" + id + "'"));
    }

    /**
     * Resolves the organisation id an identity provider put in a token: the external org id, or the slug itself
     * (the external org id wins when both match). One statement.
     */
    public Optional<Tenant> findByOrganisation(String organisation) {
        if (organisation == null || organisation.isBlank()) {
            return Optional.empty();
        }
        if (!TenantId.isValid(organisation)) {
            return jdbc.sql("SELECT * FROM tenants WHERE external_org_id = ?").param(organisation).query(Tenants::map).optional();
        }
        return jdbc.sql("""
                SELECT * FROM tenants WHERE external_org_id = :org OR id = :org
                ORDER BY (external_org_id IS NOT DISTINCT FROM :org) DESC LIMIT 1""")
                .param("org", organisation).query(Tenants::map).optional();
    }

    public boolean isActive(TenantId id) {
        return find(id).map(Tenant::active).orElse(false);
    }

    @Transactional(readOnly = true)
    public Page<Tenant> list(boolean includeInactive, String cursor, int limit) {
        String after = Page.decode(cursor);
        List<Tenant> rows = jdbc.sql("""
                SELECT * FROM tenants
                WHERE (CAST(:after AS text) IS NULL OR id > :after) AND (CAST(:all AS boolean) OR deactivated_at IS NULL)
                ORDER BY id LIMIT :limit""")
                .param("after", after).param("all", includeInactive).param("limit", limit + 1)
                .query(Tenants::map).list();
        return Page.of(rows, limit, t -> t.id().value());
    }

    /** Runs {@code work} for every active tenant, a page at a time, each bound as the current tenant. */
    public void forEachActive(java.util.function.Consumer<Tenant> work) {
        String cursor = null;
        do {
            Page<Tenant> page = list(false, cursor, 200);
            for (Tenant tenant : page.items()) {
                TenantContext.runAs(tenant.id(), () -> work.accept(tenant));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    @Transactional
    public Tenant update(TenantId id, String name, StorageMode mode, String externalOrgId) {
        Tenant current = get(id);
        String newName = name == null ? current.name() : requireName(name);
        StorageMode newMode = mode == null ? current.storageMode() : mode;
        String newOrg = externalOrgId == null ? current.externalOrgId() : blankToNull(externalOrgId);
        jdbc.sql("UPDATE tenants SET name = ?, storage_mode = ?, external_org_id = ?, updated_at = now() WHERE id = ?")
                .params(newName, newMode.wire(), newOrg, id.value()).update();
        if (!newName.equals(current.name())) {
            events.publishEvent(new TenantEvent.Renamed(id, newName));
        }
        return get(id);
    }

    /** Soft delete: the tenant and its data stay, its users can no longer sign in. */
    @Transactional
    public void deactivate(TenantId id) {
        Tenant current = get(id);
        if (!current.active()) {
            return;
        }
        jdbc.sql("UPDATE tenants SET deactivated_at = now(), updated_at = now() WHERE id = ?").param(id.value()).update();
        events.publishEvent(new TenantEvent.Deactivated(id));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "name must be 1-200 characters");
        }
        return name.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(new TenantId(rs.getString("id")), rs.getString("name"),
                StorageMode.fromWire(rs.getString("storage_mode")), rs.getString("external_org_id"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("deactivated_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
