package io.verbatim.operations.internal;

import io.verbatim.platform.BackgroundPriority;
import io.verbatim.platform.database.DatabaseEndpoint;
import io.verbatim.platform.database.DatabaseRole;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/**
 * The proof that backups restore: the latest backup is restored into a scratch database
 * ({@code verbatim_verify_<n>}, dropped afterwards), every table is read back and compared with the backup's
 * row counts and checksums, and the outcome goes to {@code backup_verification_log}.
 */
@Service
class BackupVerifier implements AutoCloseable {

    static final String SCRATCH_PREFIX = "verbatim_verify_";
    private static final Logger log = LoggerFactory.getLogger(BackupVerifier.class);
    private final DataSource owner;
    private final JdbcClient jdbc;
    private final Backups backups;
    private final BlobInventory blobs;
    private final DatabaseRestorer restorer;
    private final ExecutorService background = Executors.newSingleThreadExecutor(BackgroundPriority.threads("backup-verify"));

    BackupVerifier(@Qualifier(DatabaseRole.OWNER) DataSource owner, Backups backups, BlobInventory blobs, DatabaseEndpoint endpoint) {
        this.owner = owner;
        this.jdbc = JdbcClient.create(owner);
        this.backups = backups;
        this.blobs = blobs;
        this.restorer = new DatabaseRestorer(endpoint);
    }

    boolean busy() {
        return OperationLock.VERIFICATION.held(owner) || jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM backup_verification_log WHERE status = 'queued' AND started_at > now() - interval '1 minute')""")
                .query(Boolean.class).single();
    }

    VerificationRecord start(String requestedBy, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<VerificationRecord> earlier = jdbc.sql("SELECT * FROM backup_verification_log WHERE idempotency_key = ?")
                    .param(idempotencyKey).query(BackupVerifier::map).optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        long id = insert("manual", requestedBy, idempotencyKey);
        background.submit(() -> perform(id));
        return find(id).orElseThrow();
    }

    /** Verifies the latest backup on this thread (the scheduled job). */
    VerificationRecord run(String trigger) {
        long id = insert(trigger, null, null);
        perform(id);
        return find(id).orElseThrow();
    }

    private long insert(String trigger, String requestedBy, String idempotencyKey) {
        return jdbc.sql("""
                INSERT INTO backup_verification_log (trigger, status, requested_by, idempotency_key)
                VALUES (?, 'queued', ?, ?) RETURNING id""").params(trigger, requestedBy, idempotencyKey).query(Long.class).single();
    }

    private void perform(long id) {
        long started = System.nanoTime();
        String scratch = SCRATCH_PREFIX + id;
        try (Connection session = owner.getConnection()) {
            if (!OperationLock.VERIFICATION.tryLock(session)) {
                fail(id, "Another verification was running; this one did not start", started);
                return;
            }
            try {
                jdbc.sql("""
                        UPDATE backup_verification_log SET status = 'failed', finished_at = now(), error = 'interrupted: the node stopped first'
                        WHERE status IN ('queued', 'running') AND id <> ? AND started_at < now() - interval '1 minute'""")
                        .param(id).update();
                for (String leftover : restorer.databasesStartingWith(SCRATCH_PREFIX)) {
                    restorer.drop(leftover);
                }
                Optional<Path> latest = backups.files().latest();
                if (latest.isEmpty()) {
                    fail(id, "There is no backup to verify in " + backups.files().location(), started);
                    return;
                }
                String name = latest.get().getFileName().toString();
                jdbc.sql("""
                        UPDATE backup_verification_log SET status = 'running', started_at = now(), backup_name = ?,
                               backup_id = (SELECT id FROM backups WHERE name = ?), scratch_database = ? WHERE id = ?""")
                        .params(name, name, scratch, id).update();
                BackupManifest manifest = BackupManifest.read(latest.get());
                List<Mismatch> mismatches;
                try {
                    mismatches = restorer.restore(latest.get(), manifest, scratch);
                } finally {
                    restorer.drop(scratch);
                }
                long missing = blobs.missing(latest.get().resolve(manifest.blobs().file()));
                jdbc.sql("""
                        UPDATE backup_verification_log SET status = ?, finished_at = now(), duration_ms = ?, tables_checked = ?,
                               rows_checked = ?, mismatches = ?::jsonb, blobs_missing = ? WHERE id = ?""")
                        .params(mismatches.isEmpty() ? "passed" : "failed", Backups.elapsedMs(started), manifest.tables().size(),
                                manifest.totalRows(), BackupManifest.json().writeValueAsString(mismatches), missing, id)
                        .update();
                log.info("Backup {} verified in {} ms: {} tables, {} rows, {} mismatches", name, Backups.elapsedMs(started),
                        manifest.tables().size(), manifest.totalRows(), mismatches.size());
            } finally {
                OperationLock.VERIFICATION.unlock(session);
            }
        } catch (Exception e) {
            log.error("Backup verification {} failed", id, e);
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage(), started);
        }
    }

    private void fail(long id, String error, long started) {
        jdbc.sql("UPDATE backup_verification_log SET status = 'failed', finished_at = now(), error = ?, duration_ms = ? WHERE id = ?")
                .params(error, Backups.elapsedMs(started), id).update();
    }

    Optional<VerificationRecord> find(long id) {
        return jdbc.sql("SELECT * FROM backup_verification_log WHERE id = ?").param(id).query(BackupVerifier::map).optional();
    }

    /** The newest finished verification. */
    Optional<VerificationRecord> last() {
        return jdbc.sql("SELECT * FROM backup_verification_log WHERE finished_at IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1")
                .query(BackupVerifier::map).optional();
    }

    List<VerificationRecord> list(Long beforeId, int limit) {
        return jdbc.sql("SELECT * FROM backup_verification_log WHERE (CAST(? AS bigint) IS NULL OR id < ?) ORDER BY id DESC LIMIT ?")
                .params(beforeId, beforeId, limit).query(BackupVerifier::map).list();
    }

    private static VerificationRecord map(ResultSet rs, int n) throws SQLException {
        List<Mismatch> mismatches = BackupManifest.json().readValue(rs.getString("mismatches"), new TypeReference<List<Mismatch>>() {
        });
        return new VerificationRecord(rs.getLong("id"), rs.getObject("backup_id", java.util.UUID.class), rs.getString("backup_name"),
                rs.getString("trigger"), rs.getString("status"), Backups.instant(rs, "started_at"), Backups.instant(rs, "finished_at"),
                (Long) rs.getObject("duration_ms"), rs.getString("scratch_database"), (Integer) rs.getObject("tables_checked"),
                (Long) rs.getObject("rows_checked"), mismatches, (Long) rs.getObject("blobs_missing"), rs.getString("error"),
                rs.getString("requested_by"));
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
