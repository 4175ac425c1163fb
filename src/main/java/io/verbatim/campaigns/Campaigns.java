package io.verbatim.campaigns;

import io.verbatim.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Campaigns and zones of the current tenant, for other modules. */
public interface Campaigns {

    /** A campaign that is not deleted, whoever asks (callers apply their own visibility). */
    Optional<Campaign> find(UUID id);

    /** Campaigns the caller may see: all for admins and executives, assigned ones for managers and shoppers. */
    List<Campaign> visible();

    Optional<Zone> zone(UUID id);

    List<Zone> zones();

    /** A new zone, its ISO codes checked and audited as through {@code POST /api/v1/zones} (409 zone-exists by name). */
    Zone createZone(String name, String country, String state, String city);

    /** Sets the zone's people (active users of the tenant), as {@code PUT /api/v1/zones/{id}/members}. */
    List<UUID> assignToZone(UUID zoneId, List<UUID> userIds);

    /**
     * The tenant's campaign of that name (not deleted), or else a new one from the draft, checked, audited and announced
     * ({@link CampaignAssigned}) as through {@code POST /api/v1/campaigns}. For system work without a signed-in caller
     * (the demo seeding): it names its tenant and checks no caller, so nothing a person drives calls it.
     */
    Campaign ensureCampaign(TenantId tenant, CampaignDraft draft);
}
