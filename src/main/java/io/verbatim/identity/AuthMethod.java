package io.verbatim.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the caller proved who they are. */
public enum AuthMethod {
    /** Verbatim's own access token after a password sign-in (API bearer or the web session cookie). */
    PASSWORD,
    /** A token from an external OIDC issuer (Clerk, Cognito, Keycloak). */
    OIDC,
    /** A tenant's machine API key. */
    API_KEY,
    /** The web session of a single sign-on: the tenant's own OIDC provider signed the user in. */
    SSO;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
