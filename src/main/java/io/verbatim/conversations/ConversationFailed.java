package io.verbatim.conversations;

import java.util.UUID;

/** A conversation failed for good at {@code stage}; published inside the transaction that records it. */
public record ConversationFailed(String tenantId, UUID conversationId, String stage, String errorType, String error) {
}
