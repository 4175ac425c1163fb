package io.verbatim.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A campaign with its assignments and goals. */
public record Campaign(UUID id, String name, String description, CampaignStatus status, UUID surveyId, LocalDate startDate,
                       LocalDate endDate, List<UUID> zoneIds, List<UUID> shopperIds, List<UUID> managerIds, Goals goals,
                       Instant createdAt, Instant updatedAt, Instant deletedAt) {

    /** @param total evaluations wanted in all; perZone in each zone; targetScore 0-100 */
    public record Goals(Integer total, Integer perZone, BigDecimal targetScore) {
    }
}
