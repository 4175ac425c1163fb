package io.verbatim.campaigns;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A campaign as the seeding path makes it ({@link Campaigns#ensureCampaign}); the same fields as {@code POST /api/v1/campaigns}. */
public record CampaignDraft(String name, String description, CampaignStatus status, UUID surveyId, LocalDate startDate,
                            LocalDate endDate, List<UUID> zoneIds, List<UUID> shopperIds, List<UUID> managerIds,
                            Campaign.Goals goals) {
}
