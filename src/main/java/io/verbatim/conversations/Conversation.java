package io.verbatim.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One customer conversation and where it is in the pipeline.
 *
 * @param stage        the last pipeline stage completed ("received" before any)
 * @param channelRoles which audio channel is which speaker, e.g. {@code {"left":"agent","right":"customer"}}
 * @param inputKey     the object key of the original media or transcript in the tenant's storage
 */
public record Conversation(UUID id, String tenantId, String source, String externalId, Direction direction, Channel channel,
                           Instant startedAt, Agent agent, UUID teamId, Customer customer, String language,
                           Map<String, String> channelRoles, List<String> tags, Map<String, Object> attributes,
                           Input input, Double durationSeconds, Integer audioChannels, ConversationStatus status,
                           String stage, int attempts, String lastError, String lastErrorType, boolean rolesSwapped,
                           Boolean rolesConfident, String speechEngine, int priority, Instant createdAt,
                           Instant updatedAt, Instant completedAt) {

    /** @param userId the Verbatim user when the agent could be matched to one; ref is what the source said */
    public record Agent(UUID userId, String ref, String name) {
    }

    public record Customer(String name, String phone, String email) {
    }

    public record Input(InputKind kind, String key, String contentType, Long bytes, String sha256, String filename) {
    }
}
