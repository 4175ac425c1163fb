package io.verbatim.ingest;

import java.util.List;

/**
 * One scan of a tenant's drop folder found new or refused files (scans that found nothing new are not
 * published). Published outside any transaction, with the tenant bound; the sources module records it
 * in the tenant's run history beside the provider connectors.
 *
 * @param ingested   files that became conversations
 * @param duplicates files seen before (already conversations)
 * @param failures   the files that could not be ingested, with the reason
 */
public record DropFolderScanned(String tenantId, int ingested, int duplicates, List<Failure> failures) {

    public record Failure(String file, String reason) {
    }
}
