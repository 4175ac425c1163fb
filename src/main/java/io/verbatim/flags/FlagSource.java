package io.verbatim.flags;

import io.verbatim.tenancy.TenantId;
import java.util.Collection;
import java.util.Optional;

/** Where the provider reads flags: a definition and the tenant's override for it. */
public interface FlagSource {

    /** The flag and {@code tenant}'s override of it (none when {@code tenant} is null). */
    Optional<ResolvedFlag> find(TenantId tenant, String key);

    /** Every flag, with {@code tenant}'s overrides. */
    Collection<ResolvedFlag> all(TenantId tenant);

    /** @param override the tenant's value, or null */
    record ResolvedFlag(FlagDefinition definition, Object override) {
    }
}
