package io.verbatim.campaigns;

import java.time.Instant;
import java.util.UUID;

/** Where evaluations happen: ISO 3166-1 country, ISO 3166-2 state, city. */
public record Zone(UUID id, String name, String country, String state, String city, Instant createdAt, Instant deletedAt) {
}
