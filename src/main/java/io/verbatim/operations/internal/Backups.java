package io.verbatim.operations.internal;

import io.verbatim.operations.BackupProperties;
import io.verbatim.platform.BackgroundPriority;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.platform.database.DatabaseRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Backup runs: on schedule (the job engine calls {@link #run}) or on demand ({@link #start}, answered at once
 * and run on a background thread). One at a time across the cluster; each writes a whole backup or none, and
 * ends by applying retention.
 */
@Service
class Backups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private final DataSource owner;
    private final JdbcClient jdbc;
    private final BackupWriter writer;
    private final BackupProperties properties;
    private final BackupFiles files;
    private final ExecutorService background = Executors.newSingleThreadExecutor(BackgroundPriority.threads("backup"));

    Backups(@Qualifier(DatabaseRole.OWNER) DataSource owner, BackupWriter writer, BackupProperties properties,
            PlatformProperties platform) {
        this.owner = owner;
        this.jdbc = JdbcClient.create(owner);
        this.writer = writer;
        this.properties = properties;
        this.files = new BackupFiles(properties.locationUnder(platform.dataDir()));
    }

    BackupFiles files() {
        return files;
    }

    /** Whether a backup is queued or running anywhere in the cluster. */
    boolean busy() {
        return OperationLock.BACKUP.held(owner) || jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM backups WHERE status = 'queued' AND started_at > now() - interval '1 minute')""")
                .query(Boolean.class).single();
    }

    /** Queues a backup and returns its record at once; the same idempotency key returns the first request's record. */
    BackupRecord start(String requestedBy, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<BackupRecord> earlier = jdbc.sql("SELECT * FROM backups WHERE idempotency_key = ?").param(idempotencyKey)
                    .query(Backups::map).optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        BackupRecord queued = insert("manual", requestedBy, idempotencyKey);
        background.submit(() -> perform(queued.id(), queued.name()));
        return queued;
    }

    /** Runs a backup on this thread (the scheduled job). */
    BackupRecord run(String trigger) {
        BackupRecord queued = insert(trigger, null, null);
        perform(queued.id(), queued.name());
        return find(queued.id()).orElseThrow();
    }

    private BackupRecord insert(String trigger, String requestedBy, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        String name = BackupFiles.name(Instant.now(), id.toString());
        jdbc.sql("""
                INSERT INTO backups (id, name, trigger, status, requested_by, idempotency_key)
                VALUES (?, ?, ?, 'queued', ?, ?)""").params(id, name, trigger, requestedBy, idempotencyKey).update();
        return find(id).orElseThrow();
    }

    private void perform(UUID id, String name) {
        long started = System.nanoTime();
        try (Connection session = owner.getConnection()) {
            if (!OperationLock.BACKUP.tryLock(session)) {
                finishFailed(id, "Another backup was running; this one did not start", started);
                return;
            }
            try {
                // Whatever is still queued or running without the lock was cut off by a stop.
                jdbc.sql("""
                        UPDATE backups SET status = 'failed', finished_at = now(), error = 'interrupted: the node stopped first'
                        WHERE status IN ('queued', 'running') AND id <> ? AND started_at < now() - interval '1 minute'""")
                        .param(id).update();
                jdbc.sql("UPDATE backups SET status = 'running', started_at = now() WHERE id = ?").param(id).update();
                Files.createDirectories(files.location());
                files.removeLeftovers();
                Path partial = files.partial(name);
                Files.createDirectories(partial);
                BackupManifest manifest;
                try {
                    manifest = writer.write(session, partial, name);
                    Files.move(partial, files.complete(name), StandardCopyOption.ATOMIC_MOVE);
                } catch (Exception e) {
                    BackupFiles.deleteTree(partial);
                    throw e;
                }
                long size = BackupFiles.size(files.complete(name));
                jdbc.sql("""
                        UPDATE backups SET status = 'succeeded', finished_at = now(), schema_version = ?, tables = ?,
                               total_rows = ?, size_bytes = ?, blobs = ?, blob_bytes = ?, duration_ms = ? WHERE id = ?""")
                        .params(manifest.schemaVersion(), manifest.tables().size(), manifest.totalRows(), size,
                                manifest.blobs().count(), manifest.blobs().bytes(), elapsedMs(started), id)
                        .update();
                log.info("Backup {} written: {} tables, {} rows, {} bytes in {} ms", name, manifest.tables().size(),
                        manifest.totalRows(), size, elapsedMs(started));
                applyRetention();
            } finally {
                OperationLock.BACKUP.unlock(session);
            }
        } catch (Exception e) {
            log.error("Backup {} failed", name, e);
            finishFailed(id, e.getClass().getSimpleName() + ": " + e.getMessage(), started);
        }
    }

    private void finishFailed(UUID id, String error, long started) {
        jdbc.sql("UPDATE backups SET status = 'failed', finished_at = now(), error = ?, duration_ms = ? WHERE id = ?")
                .params(error, elapsedMs(started), id).update();
    }

    /** Deletes the backups retention no longer keeps (the newest successful one always stays). */
    void applyRetention() throws java.io.IOException {
        List<String> names = files.complete().stream().map(p -> p.getFileName().toString()).toList();
        for (String name : BackupFiles.expired(names, properties.retention(), Instant.now())) {
            BackupFiles.deleteTree(files.complete(name));
            jdbc.sql("UPDATE backups SET deleted_at = now() WHERE name = ? AND deleted_at IS NULL").param(name).update();
            log.info("Backup {} deleted by retention", name);
        }
    }

    Optional<BackupRecord> find(UUID id) {
        return jdbc.sql("SELECT * FROM backups WHERE id = ?").param(id).query(Backups::map).optional();
    }

    Optional<BackupRecord> findByName(String name) {
        return jdbc.sql("SELECT * FROM backups WHERE name = ?").param(name).query(Backups::map).optional();
    }

    Optional<BackupRecord> last() {
        return jdbc.sql("SELECT * FROM backups WHERE status IN ('succeeded', 'failed') ORDER BY name DESC LIMIT 1")
                .query(Backups::map).optional();
    }

    /** Newest first, after the named one. */
    List<BackupRecord> list(String afterName, int limit) {
        return jdbc.sql("SELECT * FROM backups WHERE (CAST(? AS text) IS NULL OR name < ?) ORDER BY name DESC LIMIT ?")
                .params(afterName, afterName, limit).query(Backups::map).list();
    }

    private static BackupRecord map(ResultSet rs, int n) throws SQLException {
        return new BackupRecord(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("trigger"),
                rs.getString("status"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("schema_version"),
                (Integer) rs.getObject("tables"), (Long) rs.getObject("total_rows"), (Long) rs.getObject("size_bytes"),
                (Long) rs.getObject("blobs"), (Long) rs.getObject("blob_bytes"), (Long) rs.getObject("duration_ms"),
                rs.getString("error"), rs.getString("requested_by"), instant(rs, "deleted_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
