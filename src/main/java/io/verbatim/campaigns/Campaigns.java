package io.verbatim.campaigns;

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
}
