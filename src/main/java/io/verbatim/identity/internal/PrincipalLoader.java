package io.verbatim.identity.internal;

import io.verbatim.identity.AuthMethod;
import io.verbatim.identity.CurrentUser;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.Tenants;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a verified token into the caller, re-checking the database on every request so that a
 * deactivated user or tenant, or a changed role, takes effect at once rather than at token expiry.
 */
@Component
class PrincipalLoader {

    private final Tenants tenants;
    private final Accounts accounts;
    private final TransactionTemplate readOnly;

    PrincipalLoader(Tenants tenants, Accounts accounts, PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Our own token: the tenant and user ids are ours; {@code method} is how the session began. */
    CurrentUser ownToken(String orgId, String userId, AuthMethod method) {
        Tenant tenant = activeTenant(tenants.findByOrganisation(orgId));
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The token names no valid user");
        }
        AccountRecord account = TenantContext.callAs(tenant.id(),
                () -> readOnly.execute(tx -> accounts.byId(tenant.id(), id))).orElse(null);
        return toUser(account, tenant, method);
    }

    /** A token from an external issuer: the organisation and user must already exist here (no auto-creation). */
    CurrentUser externalToken(String organisation, String subject, String email) {
        Tenant tenant = activeTenant(tenants.findByOrganisation(organisation));
        AccountRecord account = TenantContext.callAs(tenant.id(), () -> readOnly.execute(tx -> {
            Optional<AccountRecord> found = subject == null ? Optional.empty() : accounts.byExternalSubject(tenant.id(), subject);
            if (found.isEmpty() && email != null) {
                found = accounts.byEmail(tenant.id(), email);
            }
            return found;
        })).orElse(null);
        return toUser(account, tenant, AuthMethod.OIDC);
    }

    private static Tenant activeTenant(Optional<Tenant> tenant) {
        if (tenant.isEmpty() || !tenant.get().active()) {
            throw new InvalidBearerTokenException("The token's organisation is not an active tenant here");
        }
        return tenant.get();
    }

    private static CurrentUser toUser(AccountRecord account, Tenant tenant, AuthMethod method) {
        if (account == null || !account.active()) {
            throw new InvalidBearerTokenException("The token's user is unknown or deactivated");
        }
        return new CurrentUser(account.id(), null, account.email(), account.name(), account.role(), account.agentKind(),
                account.teamId(), tenant.id(), tenant.id(), tenant.name(), method);
    }
}
