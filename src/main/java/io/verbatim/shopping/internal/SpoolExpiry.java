package io.verbatim.shopping.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.platform.database.DatabaseRole;
import io.verbatim.shopping.ShoppingProperties;
import io.verbatim.tenancy.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Abandoned tus uploads: an unfinished upload untouched for {@code verbatim.shopping.spool-expiry} (its offset last
 * committed before then) loses its row and its spool file, so a shopper who gave up does not keep disk forever; the
 * client then starts over (HEAD answers 404). A spool file older than that with no unfinished upload behind it (left
 * by a crash: of a version that copied to the blob store, or of a completion's resume) goes too. An upload a request
 * is writing on this node is skipped. Before that, an upload whose every byte was committed but which is not complete
 * (a crash cut its completion short) and has not changed for {@link #INTERRUPTED_GRACE} is finished: the recording is
 * taken in and stored, so the visit is analysed even if the shopper's page never comes back.
 * Runs across tenants with the owner role (housekeeping has no tenant of its own) and audits each expiry in its tenant.
 */
@Component
class SpoolExpiry {

    private static final Logger log = LoggerFactory.getLogger(SpoolExpiry.class);
    private final JdbcClient owner;
    private final TusUploads uploads;
    private final ShoppingProperties properties;
    private final AuditLog audit;

    SpoolExpiry(@Qualifier(DatabaseRole.OWNER) DataSource owner, TusUploads uploads, ShoppingProperties properties, AuditLog audit) {
        this.owner = JdbcClient.create(owner);
        this.uploads = uploads;
        this.properties = properties;
        this.audit = audit;
    }

    /** Longer than any completion takes (a move on the filesystem, an upload of at most a few GB to S3). */
    static final Duration INTERRUPTED_GRACE = Duration.ofMinutes(15);

    private record Stale(TenantId tenant, UUID id, UUID evaluationId, long offset) {
    }

    private static Stale stale(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stale(new TenantId(rs.getString("tenant_id")), rs.getObject("id", UUID.class),
                rs.getObject("evaluation_id", UUID.class), rs.getLong("upload_offset"));
    }

    /** Returns how many uploads and stray spool files were deleted (interrupted completions finished first). */
    int expire() {
        finishInterrupted();
        Instant cutoff = Instant.now().minus(properties.spoolExpiry());
        int removed = 0;
        List<Stale> stale = owner.sql("""
                SELECT tenant_id, id, evaluation_id, upload_offset FROM evaluation_uploads
                WHERE completed_at IS NULL AND updated_at < ? ORDER BY updated_at LIMIT 10000""")
                .param(Timestamp.from(cutoff))
                .query(SpoolExpiry::stale).list();
        for (Stale s : stale) {
            boolean[] deleted = {false};
            // Re-checked under the lock: a PATCH that finished meanwhile moved updated_at, and then the row stays.
            uploads.whileIdle(s.id(), () -> {
                deleted[0] = owner.sql("DELETE FROM evaluation_uploads WHERE id = ? AND completed_at IS NULL AND updated_at < ?")
                        .params(s.id(), Timestamp.from(cutoff)).update() > 0;
                if (deleted[0]) {
                    delete(uploads.spoolFile(s.tenant(), s.id()));
                }
            });
            if (deleted[0]) {
                removed++;
                audit.recordFor(s.tenant(), "system", "spool-expiry", null, "evaluation.upload_expired",
                        Map.of("upload", s.id().toString(), "evaluation", s.evaluationId().toString(), "bytes", s.offset()));
            }
        }
        removed += strays(cutoff);
        if (removed > 0) {
            log.info("Spool expiry: {} abandoned upload(s) or stray file(s) deleted", removed);
        }
        return removed;
    }

    /** Finishes whole uploads left incomplete by a crash during their completion; returns how many. */
    int finishInterrupted() {
        List<Stale> whole = owner.sql("""
                SELECT tenant_id, id, evaluation_id, upload_offset FROM evaluation_uploads
                WHERE completed_at IS NULL AND upload_offset = upload_length AND updated_at < ? ORDER BY updated_at LIMIT 1000""")
                .param(Timestamp.from(Instant.now().minus(INTERRUPTED_GRACE)))
                .query(SpoolExpiry::stale).list();
        int finished = 0;
        for (Stale s : whole) {
            try {
                if (uploads.finishInterrupted(s.tenant(), s.evaluationId(), s.id())) {
                    finished++;
                    audit.recordFor(s.tenant(), "system", "spool-expiry", null, "evaluation.upload_finished",
                            Map.of("upload", s.id().toString(), "evaluation", s.evaluationId().toString(), "bytes", s.offset()));
                }
            } catch (RuntimeException e) {
                // One upload that cannot be finished (its store unreachable) must not stop the others nor the expiry.
                log.warn("Could not finish the interrupted upload {}: {}", s.id(), e.toString());
            }
        }
        if (finished > 0) {
            log.info("Spool expiry: {} upload(s) whose completion a crash cut short finished", finished);
        }
        return finished;
    }

    /** Spool files older than the cutoff whose upload is gone or complete. */
    private int strays(Instant cutoff) {
        Path root = uploads.spoolRoot();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".part")).toList()) {
                UUID id = uploadId(file);
                if (id == null || Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
                    continue;
                }
                boolean live = owner.sql("SELECT count(*) FROM evaluation_uploads WHERE id = ? AND completed_at IS NULL")
                        .param(id).query(Integer.class).single() > 0;
                if (!live && uploads.whileIdle(id, () -> delete(file))) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private static UUID uploadId(Path file) {
        String name = file.getFileName().toString();
        try {
            return UUID.fromString(name.substring(0, name.length() - ".part".length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
