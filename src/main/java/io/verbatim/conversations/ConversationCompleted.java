package io.verbatim.conversations;

import java.util.UUID;

/**
 * The pipeline finished a conversation (its last stage completed). Published inside the transaction
 * that records it, so a listener that writes (an outbound webhook delivery) commits or rolls back with it.
 */
public record ConversationCompleted(String tenantId, UUID conversationId, String stage) {
}
