package io.verbatim.operations.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One backup run ({@code GET /api/v1/backups}).
 *
 * @param status    queued, running, succeeded or failed
 * @param deletedAt when retention removed its files (the record stays)
 */
record BackupRecord(UUID id, String name, String trigger, String status, Instant startedAt, Instant finishedAt,
                    String schemaVersion, Integer tables, Long rows, Long sizeBytes, Long blobs, Long blobBytes,
                    Long durationMs, String error, String requestedBy, Instant deletedAt) {
}
