package io.verbatim.chat.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A persona at one version. */
record Persona(UUID id, int version, String name, String instructions, String tone, String language, String answerLength,
               String refusal, List<UUID> collectionIds, boolean useCalls, Instant createdAt, Instant updatedAt) {
}
