package io.verbatim.billing;

import io.verbatim.tenancy.TenantId;

/**
 * Company profiles for system work that has no signed-in caller (the demo seeding): each method names its tenant and
 * checks no caller, so only the seeding path uses it; people go through {@code /api/v1/companies}.
 */
public interface CompanyProfiles {

    /**
     * Gives an existing tenant its company profile (country and state checked, audited as through
     * {@code POST /api/v1/companies}; subscription active) when it has none; a profile already there is kept as it is.
     *
     * @return whether a profile was added
     */
    boolean ensureProfile(TenantId tenant, CompanyProfile profile);
}
