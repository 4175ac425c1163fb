package io.verbatim.identity;

import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller. {@link #tenant} is the tenant the request acts in: the caller's own,
 * except for a platform admin who named another one (and was audited for it).
 *
 * @param userId     the user, or null for an API key
 * @param apiKeyId   the API key, or null for a user
 * @param homeTenant the tenant the account belongs to
 * @param tenantStorage the storage mode of {@link #tenant}, read with it when the request was authenticated (so an
 *                      upload need not look the tenant up again)
 */
public record CurrentUser(UUID userId, UUID apiKeyId, String email, String name, Role role, AgentKind agentKind,
                          UUID teamId, TenantId homeTenant, TenantId tenant, String tenantName, StorageMode tenantStorage,
                          AuthMethod method) {

    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }

    public boolean crossTenant() {
        return !homeTenant.equals(tenant);
    }

    public CurrentUser actingIn(Tenant other) {
        return new CurrentUser(userId, apiKeyId, email, name, role, agentKind, teamId, homeTenant, other.id(), other.name(),
                other.storageMode(), method);
    }

    /** The storage mode of {@code tenant} when it is the tenant this caller acts in, else empty (look it up). */
    public static Optional<StorageMode> storageOf(TenantId tenant) {
        return current().filter(user -> user.tenant().equals(tenant) && user.tenantStorage() != null)
                .map(CurrentUser::tenantStorage);
    }

    /** A short description for audit entries. */
    public String actorType() {
        if (apiKeyId != null) {
            return "api_key";
        }
        return role == Role.PLATFORM_ADMIN ? "platform_admin" : "user";
    }

    public String actorId() {
        return userId != null ? userId.toString() : apiKeyId.toString();
    }
}
