package io.verbatim.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the caller proved who they are. */
public enum AuthMethod {
    /** Verbatim's own access token (API bearer or the web session cookie). */
    PASSWORD,
    /** A token from an external OIDC issuer (Clerk, Cognito, Keycloak). */
    OIDC,
    /** A tenant's machine API key. */
    API_KEY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
