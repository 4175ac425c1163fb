package io.verbatim.documents;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What other modules (chat) may ask the library, always as the current caller, under row-level security. */
public interface DocumentLibrary {

    /** The collections the current caller may read; PostgreSQL's policy decides. */
    Set<UUID> readableCollections();

    /** The names of the collections the current caller may read, by id. */
    Map<UUID, String> collectionNames();

    /** Titles of those of {@code ids} the current caller may read. */
    Map<UUID, String> titles(Collection<UUID> ids);
}
