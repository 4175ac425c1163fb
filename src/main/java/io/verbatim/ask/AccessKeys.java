package io.verbatim.ask;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who may find a source's passages, and the facts searches filter on; stored with every passage and
 * applied inside the search, before ranking.
 *
 * @param collectionIds the document collections the source belongs to (documents are found only through them)
 * @param facets        exact-match facts, several values per key ({@code agent_user_id}, {@code team_id},
 *                      {@code channel}, {@code tag}, ...); {@code "-"} stands for "none" (an unassigned call)
 * @param at            when the source happened (a call's start, a document's upload), for period filters; may be null
 */
public record AccessKeys(Set<UUID> collectionIds, Map<String, List<String>> facets, Instant at) {

    public AccessKeys {
        collectionIds = collectionIds == null ? Set.of() : Set.copyOf(collectionIds);
        facets = facets == null ? Map.of() : facets.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** A document in one collection. */
    public static AccessKeys collection(UUID collectionId) {
        return new AccessKeys(Set.of(collectionId), Map.of(), null);
    }
}
