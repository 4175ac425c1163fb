package io.verbatim.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A conversation being accepted. {@code fingerprint} identifies the request's content so that a
 * reused idempotency key with a different body can be told apart from a retry.
 */
public record NewConversation(UUID id, String source, String externalId, String idempotencyKey, String fingerprint,
                              Direction direction, Channel channel, Instant startedAt, Conversation.Agent agent,
                              UUID teamId, Conversation.Customer customer, String language, Map<String, String> channelRoles,
                              List<String> tags, Map<String, Object> attributes, Conversation.Input input, int priority) {
}
