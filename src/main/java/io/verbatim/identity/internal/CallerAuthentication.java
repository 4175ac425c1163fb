package io.verbatim.identity.internal;

import io.verbatim.identity.CurrentUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A verified caller in Spring Security's terms; the principal is the {@link CurrentUser}. A caller with
 * a Verbatim session also carries its sign-in factors as {@link FactorGrantedAuthority}s, the session id,
 * and whether the tenant's policy requires the TOTP factor of them.
 */
class CallerAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final String credentials;
    private final UUID sessionId;
    private final boolean mfaRequired;

    /** A caller without a Verbatim session (API key, external OIDC token). */
    CallerAuthentication(CurrentUser user, String credentials) {
        this(user, credentials, List.of(), null, false);
    }

    CallerAuthentication(CurrentUser user, String credentials, Collection<FactorGrantedAuthority> factors, UUID sessionId,
                         boolean mfaRequired) {
        super(authorities(user, factors));
        this.user = user;
        this.credentials = credentials;
        this.sessionId = sessionId;
        this.mfaRequired = mfaRequired;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(CurrentUser user, Collection<FactorGrantedAuthority> factors) {
        List<GrantedAuthority> all = new ArrayList<>();
        all.add(new SimpleGrantedAuthority(user.role().authority()));
        all.addAll(factors);
        return all;
    }

    /** The same caller acting in another tenant (a platform admin): session and factors stay theirs. */
    CallerAuthentication actingAs(CurrentUser acting) {
        List<FactorGrantedAuthority> factors = getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance).map(FactorGrantedAuthority.class::cast).toList();
        return new CallerAuthentication(acting, null, factors, sessionId, mfaRequired);
    }

    /** The Verbatim session the caller's token belongs to, or null. */
    UUID sessionId() {
        return sessionId;
    }

    /** Whether the tenant's MFA policy applies to this caller (it may already be satisfied). */
    boolean mfaRequired() {
        return mfaRequired;
    }

    boolean hasFactor(String authority) {
        return getAuthorities().stream().anyMatch(a -> a instanceof FactorGrantedAuthority && authority.equals(a.getAuthority()));
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.email() != null ? user.email() : user.actorId();
    }
}
