package io.verbatim.conversations;

import java.util.UUID;

/** Published after a conversation's rows are gone, so every module removes what it derived from it. */
public record ConversationDeleted(String tenantId, UUID conversationId, String inputKey) {
}
