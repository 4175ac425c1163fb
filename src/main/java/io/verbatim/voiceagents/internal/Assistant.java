package io.verbatim.voiceagents.internal;

import java.time.Instant;
import java.util.UUID;

/** A voice platform's assistant as this tenant knows it. */
record Assistant(UUID id, String provider, String providerAssistantId, String name, String purpose, Instant createdAt) {
}
