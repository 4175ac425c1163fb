package io.verbatim.shopping.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A shopper's evaluation of a visit, with its survey score and its media uploads. */
record ShopperEvaluation(UUID id, UUID campaignId, UUID zoneId, UUID shopperId, UUID surveyId, int surveyVersion,
                         JsonNode answers, BigDecimal score, Boolean passed, boolean criticalFailed, String status,
                         String statusReason, String language, Instant checkInAt, Geolocation geolocation,
                         List<Upload> uploads, Instant createdAt, Instant updatedAt, Instant deletedAt) {

    record Geolocation(double lat, double lng) {
    }

    /** A tus upload; {@code sha256} once complete. */
    record Upload(UUID id, long length, long offset, String filename, String contentType, String sha256, Instant completedAt) {
    }
}
