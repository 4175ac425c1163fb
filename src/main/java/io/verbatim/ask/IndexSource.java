package io.verbatim.ask;

import io.verbatim.tenancy.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * A source's complete set of passages: indexing replaces whatever the source had before.
 *
 * @param version the source's version (a document's version number, a conversation's re-analysis count);
 *                a version lower than the stored one is ignored, so a late retry cannot undo a newer one
 */
public record IndexSource(TenantId tenant, SourceKind kind, UUID sourceId, long version, List<SourcePassage> passages,
                          AccessKeys access) {

    public IndexSource {
        if (tenant == null || kind == null || sourceId == null) {
            throw new IllegalArgumentException("tenant, kind and sourceId are required");
        }
        passages = passages == null ? List.of() : List.copyOf(passages);
        access = access == null ? new AccessKeys(null, null, null) : access;
    }
}
