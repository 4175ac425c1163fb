package io.verbatim.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and token settings ({@code verbatim.auth.*}).
 *
 * @param issuer          the {@code iss} of Verbatim's own access tokens
 * @param tokenTtl        how long an access token lasts; short, since a session renews it with its refresh token
 * @param tokenSecret     base64 HMAC secret (32+ bytes) for access tokens; empty = generated once and kept in the database
 * @param operatorTenant  the tenant that platform admins belong to
 * @param throttle        sign-in throttling against password guessing
 * @param oidc            external identity providers whose tokens are accepted
 * @param secureCookie    mark the session cookie Secure (on behind HTTPS; off for plain-HTTP local use)
 * @param bootstrapAdmin  the first platform admin of a new installation, created at start when set
 * @param session         how long a sign-in session lasts
 * @param mfa             the second sign-in step (TOTP)
 */
@ConfigurationProperties("verbatim.auth")
public record IdentityProperties(@DefaultValue("verbatim") String issuer,
                                 @DefaultValue("15m") Duration tokenTtl,
                                 String tokenSecret,
                                 @DefaultValue("verbatim") String operatorTenant,
                                 @DefaultValue Throttle throttle,
                                 @DefaultValue List<Oidc> oidc,
                                 @DefaultValue("false") boolean secureCookie,
                                 @DefaultValue BootstrapAdmin bootstrapAdmin,
                                 @DefaultValue Session session,
                                 @DefaultValue Mfa mfa) {

    /**
     * @param idleTimeout a session whose refresh token is not used for this long ends (the refresh token expires)
     * @param maxAge      a session ends this long after sign-in, however active
     */
    public record Session(@DefaultValue("8h") Duration idleTimeout, @DefaultValue("7d") Duration maxAge) {
    }

    /**
     * @param issuer            the issuer shown in authenticator apps
     * @param challengeTtl      how long the second step of a sign-in may take
     * @param maxFailures       wrong codes for one user within {@code window} before codes are refused
     * @param window            the window for {@code maxFailures}
     */
    public record Mfa(@DefaultValue("Verbatim") String issuer, @DefaultValue("5m") Duration challengeTtl,
                      @DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window) {
    }

    /** {@code VERBATIM_AUTH_BOOTSTRAP_ADMIN_EMAIL} / {@code _PASSWORD}: ensured at every start, never changed once there. */
    public record BootstrapAdmin(String email, String password) {
        public boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }

    /**
     * @param maxFailuresPerEmail failed sign-ins for one e-mail within {@code window} before it is locked out
     * @param maxFailuresPerIp    failed sign-ins from one address within {@code window}
     */
    public record Throttle(@DefaultValue("5") int maxFailuresPerEmail, @DefaultValue("50") int maxFailuresPerIp,
                           @DefaultValue("15m") Duration window) {
    }

    /**
     * An OIDC issuer. Claim lists are tried in order; dotted names reach into objects (Clerk v2 {@code o.id}).
     *
     * @param jwksUri      defaults to {@code <issuer>/.well-known/jwks.json}
     * @param audiences    accepted {@code aud} values; empty = not checked
     * @param tenantClaims claims naming the organisation (matched to a tenant's external org id or slug)
     * @param userClaims   claims naming the user (matched to a user's external subject)
     * @param emailClaims  claims with the e-mail (matched to a user's e-mail when the subject is not linked)
     */
    public record Oidc(String issuer, String jwksUri, @DefaultValue List<String> audiences,
                       @DefaultValue({"org_id", "o.id", "custom:org_id", "custom:tenant_id"}) List<String> tenantClaims,
                       @DefaultValue({"user_id", "sub"}) List<String> userClaims,
                       @DefaultValue({"email", "custom:email"}) List<String> emailClaims) {

        public String effectiveJwksUri() {
            if (jwksUri != null && !jwksUri.isBlank()) {
                return jwksUri;
            }
            return issuer.replaceAll("/+$", "") + "/.well-known/jwks.json";
        }
    }
}
