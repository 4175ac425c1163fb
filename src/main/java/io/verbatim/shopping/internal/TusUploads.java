package io.verbatim.shopping.internal;

import io.verbatim.billing.CompanyStanding;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.platform.ProblemException;
import io.verbatim.shopping.ShoppingProperties;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tus 1.0 core protocol plus creation, termination and checksum (sha1) for an evaluation's media. Bytes are
 * appended to a spool file under the data directory through a 128 KiB direct buffer ({@link SpoolAppend}: memory does
 * not grow with the file, the upload's SHA-256 is kept up to date as the bytes arrive, {@link RunningDigests});
 * the offset is committed after each PATCH, also when the connection drops midway, so the client resumes from
 * there. A complete file is moved to the blob store ({@link TusCompletion}); a completion a crash cut short is finished
 * by the next HEAD or PATCH. One PATCH per upload at a time.
 */
@Service
class TusUploads {

    private final JdbcClient jdbc;
    private final ShopperEvaluations evaluations;
    private final CompanyStanding standing;
    private final TenantStorage storage;
    private final Tenants tenants;
    private final ShoppingProperties properties;
    private final Path spool;
    private final TransactionTemplate transaction;
    private final Map<UUID, ReentrantLock> busy = new ConcurrentHashMap<>();
    private final TusCompletion completion;
    private final RunningDigests running = new RunningDigests();
    private final UploadRows rows;

    TusUploads(JdbcClient jdbc, ShopperEvaluations evaluations, CompanyStanding standing, TenantStorage storage, Tenants tenants,
               ShoppingProperties properties, PlatformProperties platform, PlatformTransactionManager transactions,
               TusCompletion completion, UploadRows rows) {
        this.completion = completion;
        this.rows = rows;
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.standing = standing;
        this.storage = storage;
        this.tenants = tenants;
        this.properties = properties;
        this.spool = platform.dataDir().resolve("spool").resolve("evaluations");
        this.transaction = new TransactionTemplate(transactions);
    }

    record Upload(UUID id, UUID evaluationId, long length, long offset, String filename, String contentType, boolean complete) {
    }

    /** The client's connection dropped during a PATCH; what arrived is kept (or not, under a checksum) and HEAD says where. */
    static final class Interrupted extends UncheckedIOException {
        Interrupted(IOException cause) {
            super("The connection dropped during the PATCH", cause);
        }
    }

    /** Thrown for a checksum that does not match the bytes of this PATCH (tus: 460); the bytes were discarded. */
    static final class ChecksumMismatch extends RuntimeException {
        ChecksumMismatch(String message) {
            super(message);
        }
    }

    /** How long an unfinished upload lasts after its last change ({@link SpoolExpiry}). */
    java.time.Duration expiry() {
        return properties.spoolExpiry();
    }

    long maxSize() {
        return properties.maxUploadSize().toBytes();
    }

    Upload create(UUID evaluationId, Long length, String metadata) {
        return transaction.execute(tx -> {
            ShopperEvaluation e = rows.writable(evaluationId);
            standing.requireGoodStanding();
            if (length == null || length < 0) {
                throw ProblemException.badRequest("upload-length-required", "Upload-Length is required (deferred length is not supported)");
            }
            if (length > maxSize()) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
                        "Upload too large", "Upload-Length " + length + " is over the limit of " + maxSize() + " bytes");
            }
            Map<String, String> meta = TusHeaders.metadata(metadata);
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO evaluation_uploads (id, tenant_id, evaluation_id, upload_length, filename, content_type)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, TenantContext.require().value(), e.id(), length, meta.get("filename"),
                            meta.getOrDefault("filetype", BlobAttributes.OCTET_STREAM))
                    .update();
            return rows.find(evaluationId, id);
        });
    }

    Upload head(UUID evaluationId, UUID uploadId) {
        Upload upload = transaction.execute(tx -> {
            evaluations.visible(evaluationId);
            return rows.find(evaluationId, uploadId);
        });
        if (!upload.complete() && upload.offset() == upload.length() && resumeCompletion(upload)) {
            return transaction.execute(tx -> rows.find(evaluationId, uploadId));
        }
        return upload;
    }

    /**
     * Finishes the completion of an upload whose every byte is committed (a crash between the last offset and the
     * upload marked complete), holding its lock; false when a request holds it or nothing was left to finish from.
     */
    private boolean resumeCompletion(Upload upload) {
        TenantId tenant = TenantContext.require();
        boolean[] done = {false};
        whileIdle(upload.id(), () -> {
            try {
                Upload now = transaction.execute(tx -> rows.find(upload.evaluationId(), upload.id()));
                done[0] = now.complete() || completion.resume(tenant, now, spoolFile(tenant, now.id()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return done[0];
    }

    /**
     * Finishes, as its tenant and without a request, an upload whose every byte was committed but whose completion a
     * crash cut short (the housekeeping job's way, so it does not wait for the client to come back); false when it is
     * complete already, not whole, held by a request on this node, or has nothing left to finish from.
     */
    boolean finishInterrupted(TenantId tenant, UUID evaluationId, UUID uploadId) {
        return TenantContext.callAs(tenant, () -> {
            Upload upload = transaction.execute(tx -> rows.find(evaluationId, uploadId));
            return !upload.complete() && upload.offset() == upload.length() && resumeCompletion(upload);
        });
    }

    /** Appends the body at {@code offset}; returns the new offset, negative when that completed the upload ({@code -length}). */
    long patch(UUID evaluationId, UUID uploadId, long offset, String checksum, ServletInputStream body) {
        Upload upload = rows.writableUpload(evaluationId, uploadId);
        if (upload.complete()) {
            throw ProblemException.conflict("upload-complete", "The upload is complete");
        }
        if (offset == upload.length() && upload.offset() == upload.length()) {
            // Every byte was committed but the completion did not finish (a crash): finish it, never touch the spool.
            return resumeCompletion(upload) ? -upload.length() : upload.length();
        }
        if (offset != upload.offset()) {
            throw new ProblemException(HttpStatus.CONFLICT, "upload-offset-mismatch", "Offset mismatch",
                    "Upload-Offset " + offset + " is not the upload's offset " + upload.offset(), Map.of("upload_offset", upload.offset()));
        }
        MessageDigest sha1 = checksum == null ? null : TusHeaders.sha1(checksum);
        ReentrantLock lock = busy.computeIfAbsent(uploadId, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw ProblemException.conflict("upload-busy", "Another request is writing this upload");
        }
        TenantId tenant = TenantContext.require();
        Path file = spoolFile(tenant, uploadId);
        try {
            Files.createDirectories(file.getParent());
            long now;
            RunningDigests.Digests digests;
            try (SpoolAppend spool = SpoolAppend.open(file, offset, sha1, running.continuing(uploadId, offset))) {
                ByteBuffer buffer = spool.buffer();
                try {
                    // Tomcat hands the body over a socket read at a time: the buffer is filled before each write.
                    for (int before = buffer.position(), n; (n = body.read(buffer)) != -1; before = buffer.position()) {
                        // Tomcat leaves the buffer flipped to the bytes it read (limit at their end, position at their
                        // start); the servlet API's default advances the position: either way they follow `before`.
                        buffer.limit(buffer.capacity()).position(before + n);
                        if (offset + spool.received() > upload.length()) {
                            spool.discard();
                            throw ProblemException.badRequest("upload-exceeds-length", "The body goes past Upload-Length");
                        }
                        if (!buffer.hasRemaining()) {
                            spool.write();
                        }
                    }
                    spool.write();
                } catch (IOException dropped) {
                    // Keep what arrived (the client resumes from HEAD's offset) unless a checksum must cover the whole chunk.
                    if (sha1 != null) {
                        spool.discard();
                    } else {
                        spool.write();
                    }
                    spool.force();
                    rows.commitOffset(uploadId, offset + spool.written());
                    running.remember(uploadId, offset + spool.written(), spool.digests());
                    throw new Interrupted(dropped);
                }
                byte[] received = spool.force();
                if (sha1 != null && !Base64.getEncoder().encodeToString(received).equals(checksum.substring(5).strip())) {
                    long bytes = spool.written();
                    spool.discard();
                    throw new ChecksumMismatch("Upload-Checksum does not match the " + bytes + " bytes received");
                }
                now = offset + spool.written();
                digests = spool.digests();
            }
            rows.commitOffset(uploadId, now);
            if (now == upload.length()) {
                running.forget(uploadId);
                completion.complete(tenant, upload, file, digests);
                return -now;
            }
            running.remember(uploadId, now, digests);
            return now;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
            busy.remove(uploadId, lock);
        }
    }

    void terminate(UUID evaluationId, UUID uploadId) {
        TenantId tenant = TenantContext.require();
        ReentrantLock lock = busy.computeIfAbsent(uploadId, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw ProblemException.conflict("upload-busy", "A request is writing this upload; terminate it after");
        }
        try {
            running.forget(uploadId);
            terminateUnlocked(tenant, evaluationId, uploadId);
        } finally {
            lock.unlock();
            busy.remove(uploadId, lock);
        }
    }

    private void terminateUnlocked(TenantId tenant, UUID evaluationId, UUID uploadId) {
        String blobKey = transaction.execute(tx -> {
            rows.writable(evaluationId);
            rows.find(evaluationId, uploadId);
            String key = jdbc.sql("SELECT blob_key FROM evaluation_uploads WHERE id = ?").param(uploadId).query(String.class).optional()
                    .orElse(null);
            jdbc.sql("DELETE FROM evaluation_uploads WHERE id = ?").param(uploadId).update();
            return key;
        });
        try {
            Files.deleteIfExists(spoolFile(tenant, uploadId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (blobKey != null) {
            blobs(tenant).delete(new BlobKey(blobKey));
        }
    }

    private TenantBlobs blobs(TenantId tenant) {
        return storage.forTenant(tenants.get(tenant));
    }

    Path spoolFile(TenantId tenant, UUID uploadId) {
        return spool.resolve(tenant.value()).resolve(uploadId + ".part");
    }

    /** The spool's root: one folder per tenant, one {@code <upload>.part} file per unfinished upload. */
    Path spoolRoot() {
        return spool;
    }

    /** Runs {@code work} holding the upload's lock, unless a request is writing it on this node; returns whether it ran. */
    boolean whileIdle(UUID uploadId, Runnable work) {
        ReentrantLock lock = busy.computeIfAbsent(uploadId, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            return false;
        }
        try {
            work.run();
            running.forget(uploadId);
            return true;
        } finally {
            lock.unlock();
            busy.remove(uploadId, lock);
        }
    }
}
