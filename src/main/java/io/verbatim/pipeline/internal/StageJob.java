package io.verbatim.pipeline.internal;

import java.util.UUID;

/** The data of one durable stage job. */
record StageJob(String tenantId, UUID conversationId, String stage) {

    /** One job per conversation and stage: scheduling it twice is a no-op. */
    String instanceId() {
        return conversationId + "/" + stage;
    }
}
