package io.verbatim.identity.internal;

import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Authenticated, and, where the tenant's policy applies to the caller, signed in with the TOTP factor:
 * Spring Security's multi-factor check ({@link AllRequiredFactorsAuthorizationManager}) applied per caller,
 * since the requirement depends on the tenant and the role. Its denial is a factor decision, which the
 * entry point turns into the enrolment page or a 403 {@code mfa-required}.
 */
final class MfaPolicyAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> totp =
            AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                    .requireFactor(f -> f.authority(Factor.TOTP_AUTHORITY)).build();

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        if (caller instanceof CallerAuthentication verbatim && verbatim.mfaRequired()) {
            return totp.authorize(authentication, context);
        }
        return new AuthorizationDecision(true);
    }
}
