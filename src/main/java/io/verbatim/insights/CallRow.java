package io.verbatim.insights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One conversation as the Calls Explorer lists it: where it is in the pipeline and what the analysis found.
 * {@code needsReview}: the judgments the analyst was unsure of (empty when none, or not analysed yet).
 * {@code contactCardId}: the caller's contact card, when the conversation has one.
 */
public record CallRow(UUID id, Instant occurredAt, String agentKey, String agentName, UUID teamId, String teamName,
                      String direction, String channel, String source, String language, Double durationSeconds,
                      String status, String stage, String lastError, String lastErrorType, String customerSentiment,
                      Double qaScore, boolean autoFailed, String scorecard, String callReason, List<String> objections,
                      List<String> trackers, String resolution, String bookingStatus, String outcome, String summary,
                      List<String> needsReview, UUID contactCardId) {
}
