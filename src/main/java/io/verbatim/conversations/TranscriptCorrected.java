package io.verbatim.conversations;

import java.util.UUID;

/**
 * A person corrected a turn of a transcript. Published inside the correcting transaction, so a listener that
 * queues work (the pipeline's re-analysis) commits or rolls back with the correction.
 */
public record TranscriptCorrected(String tenantId, UUID conversationId, int turnIndex) {
}
