package io.verbatim.shopping;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A shopper's visit as the seeding path records it ({@link SystemEvaluations}).
 *
 * @param key        the visit's stable key: the external id of its conversation, so a second run finds it
 * @param language   {@code es} or {@code en}; null = the survey's locale
 * @param transcript the visit's transcript in any format the importers read; {@code filename} helps detection
 */
public record SeededVisit(String key, UUID campaignId, UUID zoneId, UUID shopperId, JsonNode answers, Instant checkInAt,
                          String language, byte[] transcript, String filename) {
}
