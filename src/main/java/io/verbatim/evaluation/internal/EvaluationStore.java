package io.verbatim.evaluation.internal;

import io.verbatim.evaluation.EvaluationRun;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's evaluation runs (table evaluation_runs, row-level security by tenant). */
@Component
public class EvaluationStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EvaluationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A run with its items (what scoring needs). */
    public record Stored(EvaluationRun run, JsonNode items, Timestamp updatedAt) {
    }

    @Transactional
    public void create(UUID id, String name, String createdBy, int total, JsonNode items) {
        jdbc.sql("""
                INSERT INTO evaluation_runs (id, tenant_id, name, created_by, status, total, items)
                VALUES (?, ?, ?, ?, 'importing', ?, ?::jsonb)""")
                .params(id, tenant(), name, createdBy, total, json.writeValueAsString(items)).update();
    }

    @Transactional
    public void progress(UUID id, int imported, int refused) {
        jdbc.sql("UPDATE evaluation_runs SET imported = ?, refused = ?, updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(imported, refused, tenant(), id).update();
    }

    @Transactional
    public void imported(UUID id, int imported, int refused, JsonNode items) {
        jdbc.sql("""
                UPDATE evaluation_runs SET status = 'analysing', imported = ?, refused = ?, items = ?::jsonb, updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(imported, refused, json.writeValueAsString(items), tenant(), id).update();
    }

    @Transactional
    public void analysing(UUID id, int analysed, int failed) {
        jdbc.sql("UPDATE evaluation_runs SET analysed = ?, failed = ?, updated_at = now() WHERE tenant_id = ? AND id = ? AND status = 'analysing'")
                .params(analysed, failed, tenant(), id).update();
    }

    @Transactional
    public void done(UUID id, int analysed, int failed, JsonNode report) {
        jdbc.sql("""
                UPDATE evaluation_runs SET status = 'done', analysed = ?, failed = ?, report = ?::jsonb, updated_at = now(),
                    finished_at = now() WHERE tenant_id = ? AND id = ?""")
                .params(analysed, failed, json.writeValueAsString(report), tenant(), id).update();
    }

    @Transactional
    public void failed(UUID id, String error) {
        jdbc.sql("UPDATE evaluation_runs SET status = 'failed', error = ?, updated_at = now(), finished_at = now() WHERE tenant_id = ? AND id = ?")
                .params(error, tenant(), id).update();
    }

    @Transactional(readOnly = true)
    public Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT * FROM evaluation_runs WHERE tenant_id = ? AND id = ?").params(tenant(), id)
                .query((rs, n) -> new Stored(run(rs, true), json.readTree(rs.getString("items")), rs.getTimestamp("updated_at")))
                .optional();
    }

    @Transactional(readOnly = true)
    public List<EvaluationRun> list(int limit) {
        return jdbc.sql("""
                SELECT id, name, created_by, status, total, imported, refused, analysed, failed, error, created_at, finished_at
                FROM evaluation_runs WHERE tenant_id = ? ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(tenant(), limit).query((rs, n) -> run(rs, false)).list();
    }

    private EvaluationRun run(ResultSet rs, boolean withReport) throws SQLException {
        int total = rs.getInt("total");
        int refused = rs.getInt("refused");
        int analysed = rs.getInt("analysed");
        int failed = rs.getInt("failed");
        String status = rs.getString("status");
        String report = withReport ? rs.getString("report") : null;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new EvaluationRun(rs.getObject("id", UUID.class), rs.getString("name"), status, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant(), total,
                rs.getInt("imported"), refused, analysed, failed,
                status.equals("done") || status.equals("failed") ? 0 : Math.max(0, total - refused - analysed - failed),
                rs.getString("error"), report == null ? null : json.readTree(report));
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
