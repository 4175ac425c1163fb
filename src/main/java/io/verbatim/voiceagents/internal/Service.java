package io.verbatim.voiceagents.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Something the tenant offers and an agent books: how long it takes and what it costs. */
record Service(UUID id, String name, int durationMinutes, BigDecimal price, String currency, boolean active, Instant createdAt,
               Instant updatedAt) {
}
