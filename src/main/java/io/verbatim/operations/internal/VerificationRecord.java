package io.verbatim.operations.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the {@code backup_verification_log} ({@code GET /api/v1/backups/verifications}).
 *
 * @param status       queued, running, passed or failed
 * @param mismatches   every table whose restored rows differ from the backup
 * @param blobsMissing objects in the backup's blob inventory the store no longer has (deleted since, or lost)
 */
record VerificationRecord(long id, UUID backupId, String backupName, String trigger, String status, Instant startedAt,
                          Instant finishedAt, Long durationMs, String scratchDatabase, Integer tablesChecked,
                          Long rowsChecked, List<Mismatch> mismatches, Long blobsMissing, String error, String requestedBy) {
}
