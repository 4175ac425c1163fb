package io.verbatim.sso.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A tenant's identity provider as stored: what the admin set, the endpoints the issuer's discovery document
 * named, and the client secret sealed under the tenant's data key (never the secret itself).
 */
record SsoSettings(TenantId tenant, SsoPreset preset, String issuer, String clientId, String clientSecretSealed,
                   Discovery.Endpoints endpoints, boolean allowUserCreation, Role defaultRole, AgentKind defaultAgentKind,
                   List<String> emailDomains, Instant createdAt, Instant updatedAt) {

    /** Whether an account may be created for this e-mail: creation is on and the e-mail's domain is one of ours. */
    boolean mayCreate(String email) {
        return allowUserCreation && emailDomains.contains(domainOf(email));
    }

    static String domainOf(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}
