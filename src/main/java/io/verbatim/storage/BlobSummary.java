package io.verbatim.storage;

import java.time.Instant;

/** One object in a listing (listings carry no content type or metadata: S3 does not return them). */
public record BlobSummary(BlobKey key, long size, Instant lastModified) {
}
