package io.verbatim.documents;

import java.util.List;
import java.util.UUID;

/**
 * Fills the bound tenant's library without a signed-in caller (demo data). Each call is idempotent by name or
 * title, so seeding at every start changes nothing that exists.
 */
public interface LibrarySeeding {

    /** The collection named {@code name}, created readable by {@code roles} (besides admins) when missing. */
    UUID ensureCollection(String name, List<String> roles);

    /** The document titled {@code title} in the collection, uploaded (and processed in the background) when missing. */
    UUID ensureDocument(UUID collectionId, String title, String filename, byte[] content);
}
