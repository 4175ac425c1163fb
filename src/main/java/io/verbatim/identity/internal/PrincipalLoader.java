package io.verbatim.identity.internal;

import io.verbatim.identity.AuthMethod;
import io.verbatim.identity.CurrentUser;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.Tenants;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a verified token into the caller, re-checking the database on every request so that a
 * deactivated user or tenant, a changed role or a revoked session takes effect at once rather than at
 * token expiry.
 */
@Component
class PrincipalLoader {

    private final Tenants tenants;
    private final Accounts accounts;
    private final Sessions sessions;
    private final MfaPolicy policy;
    private final TransactionTemplate readOnly;

    PrincipalLoader(Tenants tenants, Accounts accounts, Sessions sessions, MfaPolicy policy,
                    PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.sessions = sessions;
        this.policy = policy;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Our own token: the tenant and user ids are ours, and its session must still be open (revoked or
     * expired sessions end their access tokens at once). Also decides whether the tenant's MFA policy
     * applies to this caller; single sign-on leaves second factors to the identity provider.
     */
    CallerAuthentication ownToken(Jwt jwt) {
        Tenant tenant = activeTenant(tenants.findByOrganisation(jwt.getClaimAsString("org_id")));
        UUID id = uuid(jwt.getClaimAsString("user_id"));
        UUID sid = uuid(jwt.getClaimAsString("sid"));
        List<Factor> factors = Factor.fromAmr(jwt.getClaimAsStringList("amr"));
        record Loaded(AccountRecord account, Sessions.Session session, boolean mfaRequired) {
        }
        Loaded loaded = TenantContext.callAs(tenant.id(), () -> readOnly.execute(tx -> {
            AccountRecord account = accounts.byId(tenant.id(), id).orElse(null);
            Sessions.Session session = sessions.find(sid).orElse(null);
            boolean required = account != null && !factors.contains(Factor.SSO) && policy.requires(account.role());
            return new Loaded(account, session, required);
        }));
        if (loaded.session() == null || loaded.session().ended() || !loaded.session().userId().equals(id)) {
            throw new InvalidBearerTokenException("The token's session has ended");
        }
        CurrentUser user = toUser(loaded.account(), tenant, factors.contains(Factor.SSO) ? AuthMethod.SSO : AuthMethod.PASSWORD);
        if (loaded.session().lastSeenAt().isBefore(Instant.now().minusSeconds(60))) {
            TenantContext.runAs(tenant.id(), () -> sessions.touch(sid));
        }
        Instant authTime = jwt.getClaim("auth_time") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : jwt.getIssuedAt();
        List<FactorGrantedAuthority> authorities = factors.stream()
                .map(f -> FactorGrantedAuthority.withAuthority(f.authority()).issuedAt(authTime).build()).toList();
        return new CallerAuthentication(user, jwt.getTokenValue(), authorities, sid, loaded.mfaRequired());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The token names no valid user or session");
        }
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
                account.teamId(), tenant.id(), tenant.id(), tenant.name(), tenant.storageMode(), method);
    }
}
