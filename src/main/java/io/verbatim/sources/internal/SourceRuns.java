package io.verbatim.sources.internal;

import io.verbatim.platform.Page;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's run history: every run of every source, and drop-folder scans that found something. */
@Component
class SourceRuns {

    static final String DROP_FOLDER = "drop-folder";
    private final JdbcClient jdbc;
    private final JsonMapper json;

    SourceRuns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Run(UUID id, UUID sourceId, String sourceName, String triggeredBy, String status, Instant startedAt, Instant finishedAt,
               int listed, int fetched, int duplicates, int failed, int pages, int retries, String error,
               Instant highWaterBefore, Instant highWaterAfter, JsonNode items) {
        /** The run without its per-recording outcomes (for lists). */
        Run summary() {
            return new Run(id, sourceId, sourceName, triggeredBy, status, startedAt, finishedAt, listed, fetched, duplicates, failed, pages,
                    retries, error, highWaterBefore, highWaterAfter, null);
        }
    }

    /** One recording's outcome in a run. */
    record Item(String externalId, String outcome, String reason, UUID conversationId) {
    }

    record Counts(int listed, int fetched, int duplicates, int failed, int pages, int retries) {
    }

    @Transactional
    UUID start(UUID sourceId, String sourceName, String triggeredBy, Instant highWaterBefore) {
        UUID id = UUID.randomUUID();
        // a run left 'running' by a node that died is closed first
        if (sourceId != null) {
            jdbc.sql("""
                    UPDATE source_runs SET status = 'failed', error = 'interrupted: the node running it stopped', finished_at = now()
                    WHERE tenant_id = ? AND source_id = ? AND status = 'running'""").params(tenant(), sourceId).update();
        }
        jdbc.sql("""
                INSERT INTO source_runs (id, tenant_id, source_id, source_name, triggered_by, status, high_water_before)
                VALUES (?, ?, ?, ?, ?, 'running', ?)""")
                .params(id, tenant(), sourceId, sourceName, triggeredBy, highWaterBefore == null ? null : Timestamp.from(highWaterBefore))
                .update();
        return id;
    }

    @Transactional
    void progress(UUID id, Counts c) {
        jdbc.sql("""
                UPDATE source_runs SET listed = ?, fetched = ?, duplicates = ?, failed = ?, pages = ?, retries = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(c.listed(), c.fetched(), c.duplicates(), c.failed(), c.pages(), c.retries(), tenant(), id).update();
    }

    @Transactional
    void finish(UUID id, String status, Counts c, String error, Instant highWaterAfter, List<Item> items) {
        jdbc.sql("""
                UPDATE source_runs SET status = ?, listed = ?, fetched = ?, duplicates = ?, failed = ?, pages = ?, retries = ?,
                    error = ?, high_water_after = ?, items = ?::jsonb, finished_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(status, c.listed(), c.fetched(), c.duplicates(), c.failed(), c.pages(), c.retries(), error,
                        highWaterAfter == null ? null : Timestamp.from(highWaterAfter), json.writeValueAsString(items), tenant(), id)
                .update();
    }

    /** A finished run recorded in one go (a drop-folder scan). */
    @Transactional
    void record(String sourceName, String triggeredBy, String status, Counts c, String error, List<Item> items) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO source_runs (id, tenant_id, source_name, triggered_by, status, listed, fetched, duplicates, failed, error,
                    items, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now())""")
                .params(id, tenant(), sourceName, triggeredBy, status, c.listed(), c.fetched(), c.duplicates(), c.failed(), error,
                        json.writeValueAsString(items))
                .update();
    }

    @Transactional(readOnly = true)
    Optional<Run> find(UUID id) {
        return jdbc.sql("SELECT * FROM source_runs WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(this::map).optional();
    }

    @Transactional(readOnly = true)
    Optional<Run> latest(String sourceName) {
        return jdbc.sql("SELECT * FROM source_runs WHERE tenant_id = ? AND source_name = ? ORDER BY started_at DESC, id DESC LIMIT 1")
                .params(tenant(), sourceName).query(this::map).optional();
    }

    @Transactional(readOnly = true)
    Page<Run> list(UUID sourceId, String sourceName, String cursor, int limit) {
        String after = Page.decode(cursor);
        String[] parts = after == null ? null : after.split("\\|", 2);
        List<Run> rows = jdbc.sql("""
                SELECT * FROM source_runs WHERE tenant_id = :tenant
                  AND (CAST(:source_id AS uuid) IS NULL OR source_id = :source_id)
                  AND (CAST(:source_name AS text) IS NULL OR source_name = :source_name)
                  AND (CAST(:after_at AS timestamptz) IS NULL
                       OR (started_at, id) < (CAST(:after_at AS timestamptz), CAST(:after_id AS uuid)))
                ORDER BY started_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant()).param("source_id", sourceId).param("source_name", sourceName)
                .param("after_at", parts == null ? null : parts[0]).param("after_id", parts == null ? null : parts[1])
                .param("limit", limit + 1).query(this::map).list().stream().map(Run::summary).toList();
        return Page.of(rows, limit, r -> r.startedAt() + "|" + r.id());
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private Run map(ResultSet rs, int n) throws SQLException {
        return new Run(rs.getObject("id", UUID.class), rs.getObject("source_id", UUID.class), rs.getString("source_name"),
                rs.getString("triggered_by"), rs.getString("status"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getInt("listed"), rs.getInt("fetched"), rs.getInt("duplicates"),
                rs.getInt("failed"), rs.getInt("pages"), rs.getInt("retries"), rs.getString("error"),
                instant(rs.getTimestamp("high_water_before")), instant(rs.getTimestamp("high_water_after")),
                json.readTree(rs.getString("items")));
    }
}
