package io.verbatim.ask.internal;

import io.verbatim.ask.AccessKeys;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passages, their embeddings and the per-tenant change sequence in PostgreSQL (the source of truth).
 * Every method runs in the caller's transaction with the tenant bound, so row-level security applies.
 */
@Component
class PassageStore {

    private static final TypeReference<Map<String, List<String>>> FACETS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() { };
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    PassageStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** A source as a replica applies it: its access keys and passages, or deleted. */
    record Change(SourceKind kind, UUID sourceId, long seq, boolean deleted, AccessKeys access, List<Stored> passages) {
    }

    /** A passage as stored, with the embedding model that made its vector. */
    record Stored(int seq, SourcePassage passage, float[] vector, String model) {
    }

    /** A source with passages of another embedding model than the node's. */
    record Stale(SourceKind kind, UUID sourceId) {
    }

    /** A tenant's head of the change sequence. */
    record Head(String tenant, long seq) {
    }

    /**
     * Replaces a source's passages and bumps the sequence (last, so its row lock is held briefly).
     *
     * @return the change's sequence number, or 0 when a newer version is stored
     */
    long write(String tenant, SourceKind kind, UUID sourceId, long version, List<SourcePassage> passages, List<float[]> vectors,
               String model, AccessKeys access) {
        Optional<Long> stored = jdbc.sql("""
                SELECT version FROM retrieval_sources WHERE tenant_id = ? AND kind = ? AND source_id = ? AND NOT deleted FOR UPDATE""")
                .params(tenant, kind.wire(), sourceId).query(Long.class).optional();
        if (stored.isPresent() && stored.get() > version) {
            return 0;
        }
        jdbc.sql("""
                INSERT INTO retrieval_sources (tenant_id, kind, source_id, version, seq, deleted, collection_ids, facets, at, passages)
                VALUES (?, ?, ?, ?, 0, false, ?, ?::jsonb, ?, ?)
                ON CONFLICT (tenant_id, kind, source_id) DO UPDATE SET version = excluded.version, deleted = false,
                    collection_ids = excluded.collection_ids, facets = excluded.facets, at = excluded.at,
                    passages = excluded.passages, updated_at = now()""")
                .params(tenant, kind.wire(), sourceId, version, access.collectionIds().toArray(UUID[]::new),
                        json.writeValueAsString(access.facets()), access.at() == null ? null : Timestamp.from(access.at()),
                        passages.size())
                .update();
        jdbc.sql("DELETE FROM retrieval_passages WHERE tenant_id = ? AND kind = ? AND source_id = ?")
                .params(tenant, kind.wire(), sourceId).update();
        List<Object[]> rows = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            SourcePassage p = passages.get(i);
            rows.add(new Object[] {tenant, kind.wire(), sourceId, i, p.text(), p.page(), p.second(), p.speaker(),
                    json.writeValueAsString(p.metadata()), bytes(vectors.get(i)), model});
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO retrieval_passages (tenant_id, kind, source_id, seq, text, page, second, speaker, metadata, embedding,
                        embedding_model)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""", rows);
        }
        long seq = bump(tenant);
        jdbc.sql("UPDATE retrieval_sources SET seq = ? WHERE tenant_id = ? AND kind = ? AND source_id = ?")
                .params(seq, tenant, kind.wire(), sourceId).update();
        return seq;
    }

    /** Marks a source deleted (a tombstone replicas follow) and drops its passages; 0 when it had none. */
    long remove(String tenant, SourceKind kind, UUID sourceId) {
        Optional<Long> stored = jdbc.sql("""
                SELECT version FROM retrieval_sources WHERE tenant_id = ? AND kind = ? AND source_id = ? AND NOT deleted FOR UPDATE""")
                .params(tenant, kind.wire(), sourceId).query(Long.class).optional();
        if (stored.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM retrieval_passages WHERE tenant_id = ? AND kind = ? AND source_id = ?")
                .params(tenant, kind.wire(), sourceId).update();
        long seq = bump(tenant);
        jdbc.sql("""
                UPDATE retrieval_sources SET deleted = true, passages = 0, seq = ?, updated_at = now()
                WHERE tenant_id = ? AND kind = ? AND source_id = ?""")
                .params(seq, tenant, kind.wire(), sourceId).update();
        return seq;
    }

    private long bump(String tenant) {
        jdbc.sql("INSERT INTO retrieval_sequences (tenant_id, last_seq) VALUES (?, 0) ON CONFLICT (tenant_id) DO NOTHING")
                .params(tenant).update();
        long seq = jdbc.sql("UPDATE retrieval_sequences SET last_seq = last_seq + 1 WHERE tenant_id = ? RETURNING last_seq")
                .params(tenant).query(Long.class).single();
        // Delivered to every listening node when (and only if) this transaction commits; one per tenant and transaction.
        jdbc.sql("SELECT pg_notify(?, ?)").params(ReplicaNotifications.CHANNEL, tenant).query((rs, n) -> 0).list();
        return seq;
    }

    /** Every tenant's head (no tenant needs to be bound). */
    List<Head> heads() {
        return jdbc.sql("SELECT tenant_id, last_seq FROM retrieval_heads()")
                .query((rs, n) -> new Head(rs.getString(1), rs.getLong(2))).list();
    }

    long head(String tenant) {
        return jdbc.sql("SELECT last_seq FROM retrieval_sequences WHERE tenant_id = ?").params(tenant).query(Long.class)
                .optional().orElse(0L);
    }

    long passages(String tenant) {
        return jdbc.sql("SELECT count(*) FROM retrieval_passages WHERE tenant_id = ?").params(tenant).query(Long.class).single();
    }

    /** The sources changed after {@code after}, oldest change first, with their current passages; call in one snapshot. */
    List<Change> changes(String tenant, long after, int limit) {
        record Row(SourceKind kind, UUID id, long seq, boolean deleted, AccessKeys access) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT kind, source_id, seq, deleted, collection_ids, facets, at FROM retrieval_sources
                WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?""")
                .params(tenant, after, limit)
                .query((rs, n) -> new Row(SourceKind.fromWire(rs.getString("kind")), rs.getObject("source_id", UUID.class),
                        rs.getLong("seq"), rs.getBoolean("deleted"), access(rs)))
                .list();
        List<UUID> live = rows.stream().filter(r -> !r.deleted()).map(Row::id).toList();
        Map<String, List<Stored>> passages = new HashMap<>();
        if (!live.isEmpty()) {
            jdbc.sql("""
                    SELECT kind, source_id, seq, text, page, second, speaker, metadata, embedding, embedding_model FROM retrieval_passages
                    WHERE tenant_id = ? AND source_id = ANY(?) ORDER BY source_id, seq""")
                    .params(tenant, live.toArray(UUID[]::new))
                    .query(rs -> {
                        String key = rs.getString("kind") + ":" + rs.getObject("source_id", UUID.class);
                        Integer page = (Integer) rs.getObject("page");
                        Number second = (Number) rs.getObject("second");
                        SourcePassage p = new SourcePassage(rs.getString("text"), page, second == null ? null : second.doubleValue(),
                                rs.getString("speaker"), json.readValue(rs.getString("metadata"), METADATA));
                        passages.computeIfAbsent(key, k -> new ArrayList<>()).add(new Stored(rs.getInt("seq"), p, floats(rs.getBytes("embedding")),
                                rs.getString("embedding_model")));
                    });
        }
        List<Change> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Change(r.kind(), r.id(), r.seq(), r.deleted(), r.access(),
                    r.deleted() ? List.of() : passages.getOrDefault(r.kind().wire() + ":" + r.id(), List.of())));
        }
        return out;
    }

    /** Up to {@code limit} sources that have passages embedded by another model than {@code model}. */
    List<Stale> stale(String tenant, String model, int limit) {
        return jdbc.sql("""
                SELECT DISTINCT kind, source_id FROM retrieval_passages WHERE tenant_id = ? AND embedding_model <> ? LIMIT ?""")
                .params(tenant, model, limit)
                .query((rs, n) -> new Stale(SourceKind.fromWire(rs.getString(1)), rs.getObject(2, UUID.class))).list();
    }

    /** A source's passage texts by their sequence number (for re-embedding). */
    Map<Integer, String> texts(String tenant, SourceKind kind, UUID sourceId) {
        Map<Integer, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT seq, text FROM retrieval_passages WHERE tenant_id = ? AND kind = ? AND source_id = ? ORDER BY seq")
                .params(tenant, kind.wire(), sourceId).query(rs -> {
                    out.put(rs.getInt(1), rs.getString(2));
                });
        return out;
    }

    /**
     * Replaces the vectors of a source's passages with {@code model}'s and bumps the sequence, so every replica re-applies
     * the source. A passage whose text changed since it was read (the source was written again) keeps what it has.
     *
     * @return the change's sequence number, or 0 when the source is gone or nothing changed
     */
    long reembed(String tenant, SourceKind kind, UUID sourceId, Map<Integer, String> texts, List<float[]> vectors, String model) {
        Optional<Long> live = jdbc.sql("""
                SELECT version FROM retrieval_sources WHERE tenant_id = ? AND kind = ? AND source_id = ? AND NOT deleted FOR UPDATE""")
                .params(tenant, kind.wire(), sourceId).query(Long.class).optional();
        if (live.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>(texts.size());
        int i = 0;
        for (Map.Entry<Integer, String> e : texts.entrySet()) {
            rows.add(new Object[] {bytes(vectors.get(i++)), model, tenant, kind.wire(), sourceId, e.getKey(), e.getValue()});
        }
        int[] updated = batch.batchUpdate("""
                UPDATE retrieval_passages SET embedding = ?, embedding_model = ?
                WHERE tenant_id = ? AND kind = ? AND source_id = ? AND seq = ? AND text = ?""", rows);
        if (java.util.Arrays.stream(updated).sum() == 0) {
            return 0;
        }
        long seq = bump(tenant);
        jdbc.sql("UPDATE retrieval_sources SET seq = ? WHERE tenant_id = ? AND kind = ? AND source_id = ?")
                .params(seq, tenant, kind.wire(), sourceId).update();
        return seq;
    }

    private AccessKeys access(ResultSet rs) throws SQLException {
        Array array = rs.getArray("collection_ids");
        Set<UUID> collections = array == null ? Set.of() : Set.of((UUID[]) array.getArray());
        Map<String, List<String>> facets = new LinkedHashMap<>(json.readValue(rs.getString("facets"), FACETS));
        Timestamp at = rs.getTimestamp("at");
        return new AccessKeys(collections, facets, at == null ? null : at.toInstant());
    }

    static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }

}
