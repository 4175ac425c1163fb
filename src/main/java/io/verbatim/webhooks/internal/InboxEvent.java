package io.verbatim.webhooks.internal;

import java.time.Instant;
import java.util.UUID;

/** A verified event kept in the inbox until it became a conversation (or was ignored, or failed). */
record InboxEvent(UUID id, String tenantId, String provider, String eventId, String source, String eventType,
                  String contentType, byte[] payload, String status, int attempts, UUID conversationId, boolean duplicate,
                  String error, Instant receivedAt, Instant processedAt, Instant nextAttemptAt) {
}
