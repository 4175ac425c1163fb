package io.verbatim.sources.internal;

import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's recording sources. */
@Component
class Sources {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Sources(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Source(UUID id, String name, String kind, String credential, JsonNode settings, long intervalSeconds, boolean enabled,
                  Instant highWaterMark, Instant nextRunAt, int consecutiveFailures, String lastError, boolean running,
                  Instant createdAt, Instant updatedAt) {
        Duration interval() {
            return Duration.ofSeconds(intervalSeconds);
        }
    }

    @Transactional
    Source create(String name, String kind, String credential, JsonNode settings, Duration interval, boolean enabled) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO recording_sources (id, tenant_id, name, kind, credential, settings, interval_seconds, enabled)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(id, tenant(), name, kind, credential, json.writeValueAsString(settings == null || settings.isNull() ? json.createObjectNode() : settings),
                        interval.toSeconds(), enabled).update();
        return find(id).orElseThrow();
    }

    @Transactional
    Source update(UUID id, String credential, JsonNode settings, Duration interval, Boolean enabled, boolean resetHighWaterMark) {
        Source s = find(id).orElseThrow(() -> ProblemException.notFound("Source " + id));
        jdbc.sql("""
                UPDATE recording_sources SET credential = ?, settings = ?::jsonb, interval_seconds = ?, enabled = ?,
                    high_water_mark = CASE WHEN ? THEN NULL ELSE high_water_mark END,
                    next_run_at = CASE WHEN ? AND NOT enabled THEN now() ELSE next_run_at END, updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(credential == null ? s.credential() : credential,
                        json.writeValueAsString(settings == null ? s.settings() : settings),
                        interval == null ? s.intervalSeconds() : interval.toSeconds(), enabled == null ? s.enabled() : enabled,
                        resetHighWaterMark, Boolean.TRUE.equals(enabled), tenant(), id)
                .update();
        return find(id).orElseThrow();
    }

    @Transactional
    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM recording_sources WHERE tenant_id = ? AND id = ?").params(tenant(), id).update() == 1;
    }

    @Transactional(readOnly = true)
    Optional<Source> find(UUID id) {
        return jdbc.sql("SELECT * FROM recording_sources WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(this::map).optional();
    }

    @Transactional(readOnly = true)
    Page<Source> list(String cursor, int limit) {
        String after = Page.decode(cursor);
        List<Source> rows = jdbc.sql("""
                SELECT * FROM recording_sources WHERE tenant_id = :tenant AND (CAST(:after AS text) IS NULL OR name > :after)
                ORDER BY name LIMIT :limit""")
                .param("tenant", tenant()).param("after", after).param("limit", limit + 1).query(this::map).list();
        return Page.of(rows, limit, Source::name);
    }

    /** Takes the source for one run unless another run holds it. */
    @Transactional
    Optional<Source> lease(UUID id, Duration lease) {
        return jdbc.sql("""
                UPDATE recording_sources SET lease_until = now() + CAST(? AS interval)
                WHERE tenant_id = ? AND id = ? AND (lease_until IS NULL OR lease_until < now())
                RETURNING *""")
                .params(lease.toSeconds() + " seconds", tenant(), id).query(this::map).optional();
    }

    /** Takes every enabled source whose run is due (and not held by a run). */
    @Transactional
    List<Source> leaseDue(Duration lease, int limit) {
        return jdbc.sql("""
                UPDATE recording_sources SET lease_until = now() + CAST(? AS interval)
                WHERE id IN (SELECT id FROM recording_sources
                             WHERE tenant_id = ? AND enabled AND next_run_at <= now() AND (lease_until IS NULL OR lease_until < now())
                             ORDER BY next_run_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING *""")
                .params(lease.toSeconds() + " seconds", tenant(), limit).query(this::map).list();
    }

    @Transactional
    void renew(UUID id, Duration lease) {
        jdbc.sql("UPDATE recording_sources SET lease_until = now() + CAST(? AS interval) WHERE tenant_id = ? AND id = ?")
                .params(lease.toSeconds() + " seconds", tenant(), id).update();
    }

    /** Ends a run: moves the high-water mark, schedules the next run and releases the source. */
    @Transactional
    void finish(UUID id, Instant highWaterMark, boolean failed, String error, Duration untilNext) {
        jdbc.sql("""
                UPDATE recording_sources SET high_water_mark = ?, lease_until = NULL, last_error = ?,
                    consecutive_failures = CASE WHEN ? THEN consecutive_failures + 1 ELSE 0 END,
                    next_run_at = now() + CAST(? AS interval), updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(highWaterMark == null ? null : Timestamp.from(highWaterMark), error, failed, untilNext.toMillis() + " milliseconds",
                        tenant(), id)
                .update();
    }

    @Transactional(readOnly = true)
    Optional<Source> findByName(String name) {
        return jdbc.sql("SELECT * FROM recording_sources WHERE tenant_id = ? AND name = ?").params(tenant(), name).query(this::map).optional();
    }

    List<String> dueTenants() {
        return jdbc.sql("SELECT * FROM recording_sources_due_tenants()").query(String.class).list();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private Source map(ResultSet rs, int n) throws SQLException {
        Timestamp lease = rs.getTimestamp("lease_until");
        return new Source(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"), rs.getString("credential"),
                json.readTree(rs.getString("settings")), rs.getLong("interval_seconds"), rs.getBoolean("enabled"),
                instant(rs.getTimestamp("high_water_mark")), instant(rs.getTimestamp("next_run_at")), rs.getInt("consecutive_failures"),
                rs.getString("last_error"), lease != null && lease.toInstant().isAfter(Instant.now()),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }
}
