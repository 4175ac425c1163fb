package io.verbatim.shopping;

import io.verbatim.tenancy.TenantId;
import java.util.UUID;

/** A tus upload of an evaluation finished and its bytes are in the blob store under {@code blobKey}. */
public record EvaluationMediaUploaded(TenantId tenant, UUID evaluationId, UUID uploadId, String blobKey, String contentType) {
}
