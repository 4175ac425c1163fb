package io.verbatim.sso.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.stereotype.Component;

/**
 * ID-token decoders (signature by the provider's JWKS; issuer, audience, nonce and times checked), one per
 * tenant. Spring's factory caches a decoder per registration id forever; a tenant that changes its provider
 * must not keep the old one, so a decoder is kept only while the issuer, client and key set stay the same.
 */
@Component
class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private record Cached(String fingerprint, JwtDecoder decoder) {
    }

    private final Map<String, Cached> decoders = new ConcurrentHashMap<>();

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        String fingerprint = registration.getProviderDetails().getIssuerUri() + "\n" + registration.getClientId() + "\n"
                + registration.getProviderDetails().getJwkSetUri();
        return decoders.compute(registration.getRegistrationId(), (id, cached) ->
                cached != null && cached.fingerprint().equals(fingerprint) ? cached
                        : new Cached(fingerprint, new OidcIdTokenDecoderFactory().createDecoder(registration))).decoder();
    }
}
