package io.verbatim.adaptation.internal;

import io.verbatim.adaptation.lm.DomainModel;
import io.verbatim.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's domain-model row: build state, the model itself (gzipped ARPA) and its pronunciations. */
@Repository
class LanguageModelStore {

    private static final TypeReference<Map<String, String>> PHONES = new TypeReference<>() { };
    private static final TypeReference<List<String>> WORDS = new TypeReference<>() { };

    /** What the API shows: state, when, and what the model holds. */
    record Status(String status, int version, Instant requestedAt, Instant startedAt, Instant builtAt,
                  Map<String, Object> statistics, Map<String, String> pronunciations, List<String> unpronounceable, String error) {
    }

    /** A stored model, ready to decode with. */
    record Stored(int version, byte[] arpaGz, Map<String, String> pronunciations) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LanguageModelStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    /** Asks for a rebuild (kept 'pending' even while a build runs: that build's result is then already stale). */
    void requestRebuild() {
        jdbc.sql("""
                INSERT INTO speech_language_models (tenant_id, status) VALUES (?, 'pending')
                ON CONFLICT (tenant_id) DO UPDATE SET status = 'pending', requested_at = now(), error = NULL""")
                .param(tenant()).update();
    }

    Optional<Status> status() {
        return jdbc.sql("""
                SELECT status, version, requested_at, started_at, built_at, statistics::text, pronunciations::text,
                       unpronounceable::text, error
                FROM speech_language_models WHERE tenant_id = ?""")
                .param(tenant())
                .query((rs, n) -> new Status(rs.getString(1), rs.getInt(2), instant(rs, 3), instant(rs, 4), instant(rs, 5),
                        rs.getString(6) == null ? null : json.readValue(rs.getString(6), new TypeReference<Map<String, Object>>() { }),
                        json.readValue(rs.getString(7), PHONES), json.readValue(rs.getString(8), WORDS), rs.getString(9)))
                .optional();
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Whether the tenant needs a build: never built, asked for, or its text changed since the last build (failed or not). */
    boolean needsBuild(String fingerprint) {
        return jdbc.sql("SELECT status, built_fingerprint FROM speech_language_models WHERE tenant_id = ?")
                .param(tenant())
                .query((rs, n) -> "pending".equals(rs.getString(1)) || "building".equals(rs.getString(1))
                        || !fingerprint.equals(rs.getString(2)))
                .optional().orElse(true);
    }

    /** Marks the build started; returns its start time (a request after it leaves the row pending). */
    Instant start() {
        jdbc.sql("""
                INSERT INTO speech_language_models (tenant_id, status, started_at) VALUES (?, 'building', now())
                ON CONFLICT (tenant_id) DO UPDATE SET status = 'building', started_at = now()""")
                .param(tenant()).update();
        return jdbc.sql("SELECT started_at FROM speech_language_models WHERE tenant_id = ?").param(tenant())
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    void saveBuilt(DomainModel.Built built, byte[] arpaGz, String fingerprint) {
        Map<String, Object> statistics = Map.of("sentences", built.sentences(), "words", built.words(),
                "vocabulary", built.vocabulary(), "bigrams", built.bigrams(), "trigrams", built.trigrams(),
                "build_millis", built.millis(), "arpa_gz_bytes", arpaGz.length, "letter_to_sound", built.letterToSound());
        jdbc.sql("""
                UPDATE speech_language_models SET version = version + 1, built_at = now(), arpa_gz = ?,
                    built_fingerprint = ?, statistics = ?::jsonb, pronunciations = ?::jsonb, unpronounceable = ?::jsonb,
                    error = NULL, status = CASE WHEN requested_at > started_at THEN 'pending' ELSE 'ready' END
                WHERE tenant_id = ?""")
                .params(arpaGz, fingerprint, json.writeValueAsString(statistics), json.writeValueAsString(built.pronunciations()),
                        json.writeValueAsString(built.unpronounceable()), tenant())
                .update();
    }

    /** The last good model stays in use; the failure is shown until the text changes or a rebuild is asked for. */
    void saveFailed(String fingerprint, String error) {
        jdbc.sql("""
                UPDATE speech_language_models SET built_fingerprint = ?, error = ?,
                    status = CASE WHEN requested_at > started_at THEN 'pending' ELSE 'failed' END
                WHERE tenant_id = ?""")
                .params(fingerprint, error, tenant()).update();
    }

    /** The current model's version, without loading it. */
    Optional<Integer> version() {
        return jdbc.sql("SELECT version FROM speech_language_models WHERE tenant_id = ? AND version > 0")
                .param(tenant()).query(Integer.class).optional();
    }

    /**
     * The current model's version and build time ("3-1765000000123"), without loading it: what names its cached
     * file. The version alone is not enough: another database on the same host (a test run, a second install) counts
     * its versions from 1 too, and would be served this one's file.
     */
    Optional<String> stamp() {
        return jdbc.sql("SELECT version || '-' || floor(extract(epoch FROM built_at) * 1000)::bigint "
                        + "FROM speech_language_models WHERE tenant_id = ? AND version > 0")
                .param(tenant()).query(String.class).optional();
    }

    Optional<Stored> stored() {
        return jdbc.sql("SELECT version, arpa_gz, pronunciations::text FROM speech_language_models WHERE tenant_id = ? AND version > 0")
                .param(tenant())
                .query((rs, n) -> new Stored(rs.getInt(1), rs.getBytes(2), json.readValue(rs.getString(3), PHONES)))
                .optional();
    }
}
