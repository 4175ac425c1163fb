package io.verbatim.ask;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a search may return, applied inside the index before ranking (never by dropping hits afterwards).
 * Document passages match only when one of their collections is in {@code collectionIds}; conversation
 * passages only within {@code conversations}. The other fields narrow both kinds further (AND; the
 * values of one facet key OR-ed).
 *
 * @param kinds         the source kinds searched
 * @param collectionIds collections the caller may read (documents in no listed collection are never found)
 * @param conversations the caller's conversation scope; null = no conversations
 * @param sourceIds     restrict to these sources; empty = any
 * @param facets        exact facet values required (see {@link AccessKeys#facets()})
 * @param from          inclusive start of the sources' {@code at}; null = open
 * @param to            exclusive end; null = open
 */
public record PassageFilter(Set<SourceKind> kinds, Set<UUID> collectionIds, ConversationScope conversations, Set<UUID> sourceIds,
                            Map<String, List<String>> facets, Instant from, Instant to) {

    public PassageFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        collectionIds = collectionIds == null ? Set.of() : Set.copyOf(collectionIds);
        sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
        facets = facets == null ? Map.of() : facets.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** Documents of these collections only. */
    public static PassageFilter documents(Set<UUID> collectionIds) {
        return new PassageFilter(Set.of(SourceKind.DOCUMENT), collectionIds, null, null, null, null, null);
    }

    /** Conversations within a scope only. */
    public static PassageFilter conversations(ConversationScope scope) {
        return new PassageFilter(Set.of(SourceKind.CONVERSATION), null, scope, null, null, null, null);
    }

    /** Documents of these collections and conversations within a scope (a persona that may use calls). */
    public static PassageFilter both(Set<UUID> collectionIds, ConversationScope scope) {
        return new PassageFilter(Set.of(SourceKind.DOCUMENT, SourceKind.CONVERSATION), collectionIds, scope, null, null, null, null);
    }

    public PassageFilter withSources(Set<UUID> ids) {
        return new PassageFilter(kinds, collectionIds, conversations, ids, facets, from, to);
    }
}
