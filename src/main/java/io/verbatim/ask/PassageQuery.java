package io.verbatim.ask;

import io.verbatim.tenancy.TenantId;

/** A search: the tenant, the question or query text, how many passages, and what the caller may see. */
public record PassageQuery(TenantId tenant, String query, int k, PassageFilter filter) {

    public PassageQuery {
        if (tenant == null || query == null || filter == null || k < 1) {
            throw new IllegalArgumentException("tenant, query, filter and k >= 1 are required");
        }
    }
}
