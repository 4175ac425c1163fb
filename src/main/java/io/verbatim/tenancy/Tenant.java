package io.verbatim.tenancy;

import java.time.Instant;

/**
 * A customer organisation whose data is isolated from every other's.
 *
 * @param externalOrgId the organisation id an external identity provider puts in its tokens
 *                      (Clerk {@code org_id}, a Cognito custom attribute), when it differs from {@link #id}
 * @param deactivatedAt set when the tenant is deactivated (soft delete); its users can no longer sign in
 */
public record Tenant(TenantId id, String name, StorageMode storageMode, String externalOrgId,
                     Instant createdAt, Instant updatedAt, Instant deactivatedAt) {

    public boolean active() {
        return deactivatedAt == null;
    }
}
