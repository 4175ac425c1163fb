package io.verbatim.sso.internal;

import io.verbatim.identity.User;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.identity.Users;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Finds the tenant's account for a user the tenant's provider has just signed in: by e-mail, which must not be
 * marked unverified, or a new account with the tenant's default role when the tenant allows creation for that
 * e-mail's domain. Deactivated users and tenants are refused.
 */
@Component
class SsoAccounts {

    private final Tenants tenants;
    private final SsoSettingsStore store;
    private final Users users;
    private final UserProvisioning provisioning;

    SsoAccounts(Tenants tenants, SsoSettingsStore store, Users users, UserProvisioning provisioning) {
        this.tenants = tenants;
        this.store = store;
        this.users = users;
        this.provisioning = provisioning;
    }

    /** The account to sign in, or why not: {@code reason} is a stable code for the audit log and the sign-in page. */
    record Outcome(UUID userId, String email, boolean created, String reason) {
        static Outcome refused(String email, String reason) {
            return new Outcome(null, email, false, reason);
        }

        boolean signedIn() {
            return userId != null;
        }
    }

    Outcome match(TenantId tenant, OidcUser oidc) {
        String email = oidc.getEmail() == null ? null : oidc.getEmail().strip();
        if (!tenants.isActive(tenant)) {
            return Outcome.refused(email, "tenant_deactivated");
        }
        Optional<SsoSettings> settings = TenantContext.callAs(tenant, store::find);
        if (settings.isEmpty()) {
            return Outcome.refused(email, "not_configured");
        }
        if (email == null || email.isEmpty()) {
            return Outcome.refused(null, "email_missing");
        }
        if (Boolean.FALSE.equals(oidc.getEmailVerified())) {
            return Outcome.refused(email, "email_unverified");
        }
        Optional<User> existing = TenantContext.callAs(tenant, () -> users.findByEmail(email));
        if (existing.isPresent()) {
            return existing.get().active() ? new Outcome(existing.get().id(), existing.get().email(), false, null)
                    : Outcome.refused(email, "user_deactivated");
        }
        SsoSettings s = settings.get();
        if (!s.mayCreate(email)) {
            return Outcome.refused(email, "unknown_user");
        }
        UUID id = provisioning.ensureUser(tenant, email, name(oidc, email), null, s.defaultRole(), s.defaultAgentKind(), null, "sso");
        return new Outcome(id, email, true, null);
    }

    private static String name(OidcUser oidc, String email) {
        String name = oidc.getFullName();
        if (name == null || name.isBlank()) {
            name = oidc.getGivenName() != null && oidc.getFamilyName() != null
                    ? oidc.getGivenName() + " " + oidc.getFamilyName() : email.substring(0, email.indexOf('@'));
        }
        return name.strip().length() > 200 ? name.strip().substring(0, 200) : name.strip();
    }
}
