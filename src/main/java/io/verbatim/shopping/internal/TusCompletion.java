package io.verbatim.shopping.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.verbatim.shopping.EvaluationMediaUploaded;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobContent;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.StorageLayout;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when an upload's last byte is durable: its SHA-256 (kept up to date by the PATCHes, else one reading
 * pass; it is also the stored object's etag), the intake of the recording as a
 * conversation (which keeps its own copy), then the spool file is <em>moved</em> to the blob store
 * ({@code TenantBlobs.putFile}: a rename on the filesystem store, so the bytes are not written again) and the upload is
 * marked complete. Each step can be repeated after a crash: before the move the spool file is whole; after it, the
 * object is, and {@link #resume} finishes from the object (the intake is skipped when it already took the recording).
 */
@Component
class TusCompletion {

    private final TenantStorage storage;
    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EvaluationAnalyses analysis;
    private final ApplicationEventPublisher events;
    /** The completions' own time inside the last PATCH (the intake's hand-over and the move), apart from its bytes. */
    private final Timer timer;

    TusCompletion(TenantStorage storage, Tenants tenants, JdbcClient jdbc, PlatformTransactionManager transactions,
                  EvaluationAnalyses analysis, ApplicationEventPublisher events, MeterRegistry meters) {
        this.storage = storage;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.analysis = analysis;
        this.events = events;
        this.timer = Timer.builder("verbatim.shopping.tus.completion")
                .description("Completing a tus upload after its last byte is durable: intake, move to the blob store, mark complete")
                .register(meters);
    }

    /**
     * Completes the upload from its whole spool file, which is gone afterwards.
     *
     * @param digests the file's SHA-256 when the PATCHes kept it up to date ({@link RunningDigests}); null
     *                reads the file for it
     */
    void complete(TenantId tenant, TusUploads.Upload upload, Path file, RunningDigests.Digests digests) throws IOException {
        Timer.Sample sample = Timer.start();
        try {
            completeUntimed(tenant, upload, file, digests);
        } finally {
            sample.stop(timer);
        }
    }

    private void completeUntimed(TenantId tenant, TusUploads.Upload upload, Path file, RunningDigests.Digests digests) throws IOException {
        String sha256 = digests == null ? null : digests.sha256Hex();
        if (sha256 == null) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                sha256 = sha256(in);
            }
        }
        if (!analysis.known(externalId(upload))) {
            analysis.startFromMedia(upload.evaluationId(), upload.id(), file, upload.filename(), upload.contentType());
        }
        BlobKey key = key(tenant, upload);
        // The SHA-256 is the etag: the filesystem store reads nothing more (S3 makes its own).
        blobs(tenant).putFile(key, file, attributes(upload), sha256);
        finish(tenant, upload, key, sha256);
    }

    /**
     * Finishes an upload whose last byte was committed but which is not complete (a crash during {@link #complete}):
     * from the spool file when it is still there, else from the object it was moved to. Returns false when neither
     * exists (nothing to finish from).
     */
    boolean resume(TenantId tenant, TusUploads.Upload upload, Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == upload.length()) {
            complete(tenant, upload, file, null);
            return true;
        }
        BlobKey key = key(tenant, upload);
        TenantBlobs blobs = blobs(tenant);
        if (!blobs.exists(key)) {
            return false;
        }
        if (!analysis.known(externalId(upload))) {
            // The move happened before the intake could read the file (only after a crash): give it a copy.
            try (BlobContent content = blobs.get(key)) {
                Files.createDirectories(file.getParent());
                Files.copy(content.stream(), file, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                analysis.startFromMedia(upload.evaluationId(), upload.id(), file, upload.filename(), upload.contentType());
            } finally {
                Files.deleteIfExists(file);
            }
        }
        String sha256;
        try (BlobContent content = blobs.get(key)) {
            sha256 = sha256(content.stream());
        }
        finish(tenant, upload, key, sha256);
        return true;
    }

    private void finish(TenantId tenant, TusUploads.Upload upload, BlobKey key, String sha256) {
        transaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE evaluation_uploads SET blob_key = ?, sha256 = ?, completed_at = now(), updated_at = now() WHERE id = ?""")
                .params(key.value(), sha256, upload.id()).update());
        events.publishEvent(new EvaluationMediaUploaded(tenant, upload.evaluationId(), upload.id(), key.value(), upload.contentType()));
    }

    /** Not under input/<tenant>/audio/: that is the drop folder, which would ingest it a second time. */
    BlobKey key(TenantId tenant, TusUploads.Upload upload) {
        return new BlobKey(blobs(tenant).layout().root(StorageLayout.INPUT) + "evaluations/" + upload.evaluationId() + "/"
                + upload.id() + "." + TusHeaders.extension(upload.filename()));
    }

    private static String externalId(TusUploads.Upload upload) {
        return "evaluation-upload-" + upload.id();
    }

    private static BlobAttributes attributes(TusUploads.Upload upload) {
        return BlobAttributes.of(upload.contentType() == null ? BlobAttributes.OCTET_STREAM : upload.contentType());
    }

    private TenantBlobs blobs(TenantId tenant) {
        return storage.forTenant(tenants.get(tenant));
    }

    private static String sha256(FileChannel in) throws IOException {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        while (in.read(buffer.clear()) != -1) {
            digest.update(buffer.flip());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) != -1; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
