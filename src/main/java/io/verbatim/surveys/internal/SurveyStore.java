package io.verbatim.surveys.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.surveys.SurveyVersion;
import io.verbatim.surveys.Surveys;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Surveys and their versions in the current tenant. */
@Service
class SurveyStore implements Surveys {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DefinitionValidator validator;
    private final AuditLog audit;

    SurveyStore(JdbcClient jdbc, JsonMapper json, DefinitionValidator validator, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
        this.audit = audit;
    }

    /** A survey in a list: its current version's number, without the definition. */
    record Summary(UUID id, String name, int version, int questions, Instant createdAt, Instant updatedAt, Instant deletedAt) {
    }

    record VersionInfo(int version, Instant createdAt, String createdBy) {
    }

    @Override
    @Transactional
    public SurveyVersion create(String name, JsonNode definition) {
        String clean = name(name);
        validator.validate(definition);
        UUID id = UUID.randomUUID();
        String tenant = TenantContext.require().value();
        jdbc.sql("INSERT INTO surveys (id, tenant_id, name) VALUES (?, ?, ?)").params(id, tenant, clean).update();
        insertVersion(id, 1, definition);
        audit.record("survey.created", "survey", id.toString(), Map.of("name", clean));
        return current(id).orElseThrow();
    }

    /** A new name keeps the version; a new definition makes the next version. */
    @Transactional
    SurveyVersion update(UUID id, String name, JsonNode definition) {
        SurveyVersion now = current(id).orElseThrow(() -> ProblemException.notFound("Survey " + id));
        if (name != null) {
            jdbc.sql("UPDATE surveys SET name = ?, updated_at = now() WHERE id = ?").params(name(name), id).update();
        }
        if (definition != null && !definition.equals(now.definition())) {
            validator.validate(definition);
            int next = now.version() + 1;
            insertVersion(id, next, definition);
            jdbc.sql("UPDATE surveys SET current_version = ?, updated_at = now() WHERE id = ?").params(next, id).update();
            audit.record("survey.versioned", "survey", id.toString(), Map.of("version", next));
        }
        return current(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<Summary> list(boolean deleted) {
        return jdbc.sql("""
                SELECT s.*, v.definition::text AS definition FROM surveys s
                JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.current_version
                WHERE (s.deleted_at IS NOT NULL) = ? ORDER BY lower(s.name), s.id LIMIT 500""")
                .param(deleted).query((rs, n) -> {
                    int[] questions = {0};
                    io.verbatim.surveys.SurveyScoring.forEachQuestion(json.readTree(rs.getString("definition")), (q, p) -> questions[0]++);
                    return new Summary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("current_version"), questions[0],
                            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                            rs.getTimestamp("deleted_at") == null ? null : rs.getTimestamp("deleted_at").toInstant());
                }).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> names() {
        Map<UUID, String> out = new java.util.LinkedHashMap<>();
        list(false).forEach(s -> out.put(s.id(), s.name()));
        return out;
    }

    @Transactional(readOnly = true)
    List<VersionInfo> versions(UUID id) {
        current(id).orElseThrow(() -> ProblemException.notFound("Survey " + id));
        return jdbc.sql("SELECT version, created_at, created_by FROM survey_versions WHERE survey_id = ? ORDER BY version DESC")
                .param(id).query((rs, n) -> new VersionInfo(rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by"))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SurveyVersion> current(UUID surveyId) {
        return jdbc.sql("""
                SELECT s.name, v.* FROM surveys s JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.current_version
                WHERE s.id = ? AND s.deleted_at IS NULL""").param(surveyId).query(this::map).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SurveyVersion> named(String name) {
        return jdbc.sql("SELECT id FROM surveys WHERE name = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1").param(name)
                .query(UUID.class).optional().flatMap(this::current);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SurveyVersion> version(UUID surveyId, int version) {
        return jdbc.sql("SELECT s.name, v.* FROM surveys s JOIN survey_versions v ON v.survey_id = s.id WHERE s.id = ? AND v.version = ?")
                .params(surveyId, version).query(this::map).optional();
    }

    @Transactional
    void delete(UUID id) {
        if (jdbc.sql("UPDATE surveys SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL").param(id).update() == 0) {
            throw ProblemException.notFound("Survey " + id);
        }
        audit.record("survey.deleted", "survey", id.toString(), Map.of());
    }

    @Transactional
    SurveyVersion restore(UUID id) {
        if (jdbc.sql("UPDATE surveys SET deleted_at = NULL, updated_at = now() WHERE id = ? AND deleted_at IS NOT NULL").param(id).update() == 0) {
            throw ProblemException.notFound("Deleted survey " + id);
        }
        audit.record("survey.restored", "survey", id.toString(), Map.of());
        return current(id).orElseThrow();
    }

    private void insertVersion(UUID id, int version, JsonNode definition) {
        jdbc.sql("INSERT INTO survey_versions (tenant_id, survey_id, version, definition, created_by) VALUES (?, ?, ?, ?::jsonb, ?)")
                .params(TenantContext.require().value(), id, version, json.writeValueAsString(definition),
                        CurrentUser.current().map(CurrentUser::email).orElse(null))
                .update();
    }

    private SurveyVersion map(ResultSet rs, int n) throws SQLException {
        return new SurveyVersion(rs.getObject("survey_id", UUID.class), rs.getString("name"), rs.getInt("version"),
                json.readTree(rs.getString("definition")), rs.getTimestamp("created_at").toInstant());
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "name must be 1-200 characters");
        }
        return name.strip();
    }
}
