package io.verbatim.sso.internal;

import io.verbatim.credentials.Credentials;
import io.verbatim.sso.SsoProperties;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * One OAuth 2.0 client registration per tenant, its id the tenant id, built from the stored configuration
 * each time a sign-in starts or finishes (so a changed configuration applies at once). Reading it binds the
 * tenant named in the path for that read only, as the inbound webhooks do; nothing else runs as that tenant.
 */
@Component
class TenantClientRegistrations {

    private final Tenants tenants;
    private final SsoSettingsStore store;
    private final Credentials credentials;
    private final SsoProperties properties;

    TenantClientRegistrations(Tenants tenants, SsoSettingsStore store, Credentials credentials, SsoProperties properties) {
        this.tenants = tenants;
        this.store = store;
        this.credentials = credentials;
        this.properties = properties;
    }

    /** Not a bean of the repository type, so Spring Boot's OAuth2-client auto-configuration stays off. */
    ClientRegistrationRepository asRepository() {
        return this::find;
    }

    ClientRegistration find(String registrationId) {
        if (!TenantId.isValid(registrationId)) {
            return null;
        }
        Optional<Tenant> tenant = tenants.find(new TenantId(registrationId));
        if (tenant.isEmpty() || !tenant.get().active()) {
            return null;
        }
        return TenantContext.callAs(tenant.get().id(), () -> store.find().map(s -> build(tenant.get(), s)).orElse(null));
    }

    private ClientRegistration build(Tenant tenant, SsoSettings s) {
        String secret = new String(credentials.open(SsoConfigurations.SECRET_CONTEXT, s.clientSecretSealed()), StandardCharsets.UTF_8);
        return ClientRegistration.withRegistrationId(tenant.id().value())
                .clientName(tenant.name())
                .clientId(s.clientId())
                .clientSecret(secret)
                .clientAuthenticationMethod("client_secret_post".equals(s.endpoints().tokenAuthMethod())
                        ? ClientAuthenticationMethod.CLIENT_SECRET_POST : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.redirectBase() + SsoSecurityConfiguration.CALLBACK + "{registrationId}")
                .scope("openid", "email", "profile")
                .issuerUri(s.issuer())
                .authorizationUri(s.endpoints().authorizationEndpoint())
                .tokenUri(s.endpoints().tokenEndpoint())
                .jwkSetUri(s.endpoints().jwksUri())
                .userInfoUri(s.endpoints().userinfoEndpoint())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
    }
}
