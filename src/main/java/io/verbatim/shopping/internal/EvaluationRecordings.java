package io.verbatim.shopping.internal;

import io.verbatim.conversations.PiiAccess;
import io.verbatim.platform.ProblemException;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.Tenants;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which stored file plays an evaluation's recording for the caller. As for calls ({@link PiiAccess}): with the company's
 * {@code redact_pii} on, only admins hear the original; everyone else gets the pipeline's redacted copy (WAV audio) of
 * the conversation the upload became, and nothing until it exists.
 */
@Service
class EvaluationRecordings {

    /** A file to stream: the upload it comes from, where it is, and whether the page shows a video element. */
    record Playable(UUID uploadId, BlobKey key, String contentType) {

        public boolean video() {
            return contentType != null && contentType.startsWith("video/");
        }
    }

    private final JdbcClient jdbc;
    private final PiiAccess pii;
    private final TenantStorage storage;
    private final Tenants tenants;

    EvaluationRecordings(JdbcClient jdbc, PiiAccess pii, TenantStorage storage, Tenants tenants) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.storage = storage;
        this.tenants = tenants;
    }

    TenantBlobs blobs() {
        return storage.forTenant(tenants.get(TenantContext.require()));
    }

    /**
     * The recording of one upload of an evaluation the caller may see (checked by the caller): 404 for an upload of
     * another evaluation, 409 {@code upload-incomplete} before its last byte, 409 {@code redaction-pending} while a
     * caller who may not hear personal data has no redacted copy yet.
     */
    @Transactional(readOnly = true)
    Playable of(ShopperEvaluation e, UUID uploadId) {
        ShopperEvaluation.Upload upload = e.uploads().stream().filter(u -> u.id().equals(uploadId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Upload " + uploadId));
        if (upload.completedAt() == null) {
            throw ProblemException.conflict("upload-incomplete", "Upload " + uploadId + " has " + upload.offset() + " of "
                    + upload.length() + " bytes; it plays once complete");
        }
        if (pii.callerSeesPii()) {
            String key = jdbc.sql("SELECT blob_key FROM evaluation_uploads WHERE id = ?").param(uploadId).query(String.class).single();
            return new Playable(uploadId, new BlobKey(key), upload.contentType());
        }
        TenantBlobs blobs = blobs();
        BlobKey redacted = jdbc.sql("SELECT conversation_id FROM evaluation_conversations WHERE upload_id = ? AND kind = 'media'")
                .param(uploadId).query(UUID.class).optional().map(c -> pii.redactedRecording(blobs, c))
                .filter(blobs::exists)
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "redaction-pending", "Not redacted yet",
                        "The recording of upload " + uploadId + " has no redacted copy yet"));
        return new Playable(uploadId, redacted, "audio/wav");
    }

    /**
     * What the evaluation page plays: the upload whose conversation gave the analysis when it was a recording, else the
     * first complete upload; empty when none plays for this caller yet.
     */
    @Transactional(readOnly = true)
    Optional<Playable> forPage(ShopperEvaluation e, UUID analysedConversation) {
        UUID analysed = analysedConversation == null ? null
                : jdbc.sql("SELECT upload_id FROM evaluation_conversations WHERE conversation_id = ? AND upload_id IS NOT NULL")
                .param(analysedConversation).query(UUID.class).optional().orElse(null);
        return e.uploads().stream().filter(u -> u.completedAt() != null)
                .sorted(Comparator.comparing((ShopperEvaluation.Upload u) -> !u.id().equals(analysed)))
                .findFirst().flatMap(u -> {
                    try {
                        return Optional.of(of(e, u.id()));
                    } catch (ProblemException notYet) {
                        return Optional.empty();
                    }
                });
    }
}
