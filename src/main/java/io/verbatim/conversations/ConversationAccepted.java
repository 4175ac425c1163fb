package io.verbatim.conversations;

import java.util.UUID;

/**
 * A new conversation was accepted (not a repeat). Published inside the accepting transaction, so a listener
 * that writes (contact linking) commits or rolls back with it; keep listeners short, they are on the intake path.
 */
public record ConversationAccepted(String tenantId, UUID conversationId, String source, Direction direction,
                                   Channel channel, Conversation.Agent agent, Conversation.Customer customer) {
}
