package io.verbatim.campaigns;

import io.verbatim.tenancy.TenantId;
import java.util.List;
import java.util.UUID;

/** People newly assigned to a campaign (published after the change is committed by listeners that care). */
public record CampaignAssigned(TenantId tenant, UUID campaignId, String campaignName, List<UUID> userIds) {
}
