package io.verbatim.identity.internal;

import io.verbatim.identity.CurrentUser;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A verified caller in Spring Security's terms; the principal is the {@link CurrentUser}. */
class CallerAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final String credentials;

    CallerAuthentication(CurrentUser user, String credentials) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.credentials = credentials;
        setAuthenticated(true);
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
