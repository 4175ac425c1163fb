package io.verbatim.chat.internal;

import io.verbatim.documents.DocumentLibrary;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personas of the current tenant; every change writes a new version and keeps the old ones. */
@Service
class PersonaStore {

    static final String DEFAULT_REFUSAL = "I couldn't find anything about that in the sources I may use.";
    private static final Set<String> LENGTHS = Set.of("short", "medium", "long");
    private final JdbcClient jdbc;
    private final DocumentLibrary library;
    private final AuditLog audit;

    PersonaStore(JdbcClient jdbc, DocumentLibrary library, AuditLog audit) {
        this.jdbc = jdbc;
        this.library = library;
        this.audit = audit;
    }

    /** What a client sends; absent fields take their defaults. */
    record PersonaBody(String name, String instructions, String tone, String language, String answerLength, String refusal,
                       List<UUID> collectionIds, Boolean useCalls) {
    }

    @Transactional(readOnly = true)
    Page<Persona> list(String cursor, int limit) {
        List<Persona> rows = jdbc.sql("SELECT * FROM personas WHERE tenant_id = :tenant AND (CAST(:after AS text) IS NULL OR id::text > :after) ORDER BY id::text LIMIT :limit")
                .param("tenant", tenant()).param("after", Page.decode(cursor)).param("limit", limit + 1)
                .query(PersonaStore::row).list();
        return Page.of(rows, limit, p -> p.id().toString());
    }

    @Transactional(readOnly = true)
    Persona get(UUID id) {
        return jdbc.sql("SELECT * FROM personas WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(PersonaStore::row)
                .optional().orElseThrow(() -> ProblemException.notFound("Persona " + id));
    }

    @Transactional(readOnly = true)
    List<Persona> versions(UUID id) {
        get(id);
        return jdbc.sql("SELECT v.*, v.persona_id AS id, v.created_at AS updated_at FROM persona_versions v WHERE tenant_id = ? AND persona_id = ? ORDER BY version DESC")
                .params(tenant(), id).query(PersonaStore::row).list();
    }

    @Transactional
    Persona create(PersonaBody body) {
        return create(body, true);
    }

    /** @param checkCollections false only for seeding, which names the collections it has just made (no caller to check) */
    @Transactional
    Persona create(PersonaBody body, boolean checkCollections) {
        UUID id = UUID.randomUUID();
        Persona p = validated(id, 1, body, checkCollections);
        try {
            jdbc.sql("""
                    INSERT INTO personas (id, tenant_id, version, name, instructions, tone, language, answer_length, refusal, collection_ids,
                    use_calls, created_by) VALUES (:id, :tenant, 1, :name, :instructions, :tone, :language, :length, :refusal, :collections,
                    :calls, :by)""").params(params(p)).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-persona", "A persona named '" + p.name() + "' already exists");
        }
        snapshot(p);
        audit.record("persona.created", "persona", id.toString(), Map.of("name", p.name()));
        return get(id);
    }

    @Transactional
    Persona update(UUID id, PersonaBody body) {
        Persona current = get(id);
        Persona p = validated(id, current.version() + 1, body, true);
        try {
            jdbc.sql("""
                    UPDATE personas SET version = :version, name = :name, instructions = :instructions, tone = :tone, language = :language,
                    answer_length = :length, refusal = :refusal, collection_ids = :collections, use_calls = :calls, updated_at = now()
                    WHERE tenant_id = :tenant AND id = :id""").params(params(p)).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-persona", "A persona named '" + p.name() + "' already exists");
        }
        snapshot(p);
        audit.record("persona.updated", "persona", id.toString(), Map.of("name", p.name(), "version", p.version()));
        return get(id);
    }

    private void snapshot(Persona p) {
        jdbc.sql("""
                INSERT INTO persona_versions (tenant_id, persona_id, version, name, instructions, tone, language, answer_length, refusal,
                collection_ids, use_calls, changed_by) VALUES (:tenant, :id, :version, :name, :instructions, :tone, :language, :length,
                :refusal, :collections, :calls, :by)""").params(params(p)).update();
    }

    private Map<String, Object> params(Persona p) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("id", p.id());
        m.put("tenant", tenant());
        m.put("version", p.version());
        m.put("name", p.name());
        m.put("instructions", p.instructions());
        m.put("tone", p.tone());
        m.put("language", p.language());
        m.put("length", p.answerLength());
        m.put("refusal", p.refusal());
        m.put("collections", p.collectionIds().toArray(UUID[]::new));
        m.put("calls", p.useCalls());
        m.put("by", CurrentUser.current().map(CurrentUser::userId).orElse(null));
        return m;
    }

    /** Checks the body; every collection must be one the editor may read (so a persona never names another tenant's). */
    private Persona validated(UUID id, int version, PersonaBody b, boolean checkCollections) {
        if (b == null || b.name() == null || b.name().isBlank() || b.name().strip().length() > 100) {
            throw ProblemException.badRequest("validation", "name must be 1-100 characters");
        }
        String length = b.answerLength() == null ? "medium" : b.answerLength();
        if (!LENGTHS.contains(length)) {
            throw ProblemException.badRequest("validation", "answer_length must be short, medium or long");
        }
        if (b.instructions() != null && b.instructions().length() > 8000) {
            throw ProblemException.badRequest("validation", "instructions must be at most 8000 characters");
        }
        List<UUID> collections = b.collectionIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(b.collectionIds()));
        Set<UUID> readable = checkCollections ? library.readableCollections() : Set.copyOf(collections);
        for (UUID c : collections) {
            if (!readable.contains(c)) {
                throw ProblemException.badRequest("unknown-collection", "No collection " + c);
            }
        }
        String refusal = b.refusal() == null || b.refusal().isBlank() ? DEFAULT_REFUSAL : b.refusal().strip();
        return new Persona(id, version, b.name().strip(), b.instructions() == null ? "" : b.instructions().strip(), blank(b.tone()),
                blank(b.language()), length, refusal, collections, Boolean.TRUE.equals(b.useCalls()), null, null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Persona row(ResultSet rs, int n) throws SQLException {
        Object[] ids = (Object[]) rs.getArray("collection_ids").getArray();
        return new Persona(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("name"), rs.getString("instructions"),
                rs.getString("tone"), rs.getString("language"), rs.getString("answer_length"), rs.getString("refusal"),
                Arrays.stream(ids).map(o -> (UUID) o).toList(), rs.getBoolean("use_calls"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
