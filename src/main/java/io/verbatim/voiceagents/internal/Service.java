package io.verbatim.voiceagents.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Something the tenant offers and an agent books: how long it takes and what it costs.
 *
 * @param synonyms other words callers and agents use for it ("cleaning" for "Hygiene visit"), matched when an agent books
 */
record Service(UUID id, String name, int durationMinutes, BigDecimal price, String currency, boolean active,
               java.util.List<String> synonyms, Instant createdAt, Instant updatedAt) {
}
