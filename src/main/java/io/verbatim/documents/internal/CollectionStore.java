package io.verbatim.documents.internal;

import io.verbatim.documents.DocumentLibrary;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collections of the current tenant. Reads go through PostgreSQL's read policy, so a collection the caller
 * may not read is simply not there (404), exactly as another tenant's.
 */
@Service
class CollectionStore implements DocumentLibrary {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CollectionStore(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record DocumentCollection(UUID id, String name, Permissions permissions, long documents, Instant createdAt, Instant updatedAt) {
    }

    @Transactional(readOnly = true)
    Page<DocumentCollection> list(String cursor, int limit) {
        List<DocumentCollection> rows = jdbc.sql(SELECT + " AND (CAST(:after AS text) IS NULL OR c.id::text > :after) ORDER BY c.id::text LIMIT :limit")
                .param("tenant", tenant()).param("after", Page.decode(cursor)).param("limit", limit + 1)
                .query(CollectionStore::row).list();
        return Page.of(rows, limit, c -> c.id().toString());
    }

    @Transactional(readOnly = true)
    DocumentCollection get(UUID id) {
        return jdbc.sql(SELECT + " AND c.id = :id").param("tenant", tenant()).param("id", id)
                .query(CollectionStore::row).optional()
                .orElseThrow(() -> ProblemException.notFound("Collection " + id));
    }

    @Transactional
    DocumentCollection create(String name, Permissions permissions) {
        UUID id = UUID.randomUUID();
        UUID by = CurrentUser.current().map(CurrentUser::userId).orElse(null); // null: seeded
        try {
            jdbc.sql("""
                    INSERT INTO document_collections (id, tenant_id, name, read_roles, read_teams, read_users, created_by)
                    VALUES (:id, :tenant, :name, :roles, :teams, :users, :by)""")
                    .param("id", id).param("tenant", tenant()).param("name", requireName(name))
                    .param("roles", permissions.roles().toArray(String[]::new))
                    .param("teams", permissions.teams().toArray(UUID[]::new))
                    .param("users", permissions.users().toArray(UUID[]::new))
                    .param("by", by).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-collection", "A collection named '" + name.strip() + "' already exists");
        }
        audit.record("collection.created", "collection", id.toString(), Map.of("name", name.strip()));
        return get(id);
    }

    @Transactional
    DocumentCollection update(UUID id, String name, Permissions permissions) {
        get(id);
        try {
            jdbc.sql("""
                    UPDATE document_collections SET name = :name, read_roles = :roles, read_teams = :teams, read_users = :users,
                    updated_at = now() WHERE tenant_id = :tenant AND id = :id""")
                    .param("id", id).param("tenant", tenant()).param("name", requireName(name))
                    .param("roles", permissions.roles().toArray(String[]::new))
                    .param("teams", permissions.teams().toArray(UUID[]::new))
                    .param("users", permissions.users().toArray(UUID[]::new)).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-collection", "A collection named '" + name.strip() + "' already exists");
        }
        audit.record("collection.updated", "collection", id.toString(), Map.of("name", name.strip()));
        return get(id);
    }

    @Transactional
    void delete(UUID id) {
        DocumentCollection collection = get(id);
        if (collection.documents() > 0) {
            throw ProblemException.conflict("collection-not-empty", "Delete or move the collection's " + collection.documents() + " documents first");
        }
        jdbc.sql("DELETE FROM document_collections WHERE tenant_id = ? AND id = ?").params(tenant(), id).update();
        audit.record("collection.deleted", "collection", id.toString(), Map.of("name", collection.name()));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> readableCollections() {
        return new HashSet<>(jdbc.sql("SELECT id FROM document_collections WHERE tenant_id = ?").param(tenant()).query(UUID.class).list());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> collectionNames() {
        Map<UUID, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM document_collections WHERE tenant_id = ? ORDER BY lower(name)").param(tenant())
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> titles(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, title FROM documents WHERE tenant_id = :tenant AND id IN (:ids)")
                .param("tenant", tenant()).param("ids", List.copyOf(ids))
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("title"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static final String SELECT = """
            SELECT c.*, (SELECT count(*) FROM documents d WHERE d.tenant_id = c.tenant_id AND d.collection_id = c.id) AS documents
            FROM document_collections c WHERE c.tenant_id = :tenant""";

    private static DocumentCollection row(ResultSet rs, int n) throws SQLException {
        Permissions permissions = new Permissions(strings(rs.getArray("read_roles")), uuids(rs.getArray("read_teams")),
                uuids(rs.getArray("read_users")));
        return new DocumentCollection(rs.getObject("id", UUID.class), rs.getString("name"), permissions, rs.getLong("documents"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ProblemException.badRequest("validation", "name must be 1-200 characters");
        }
        return name.strip();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
