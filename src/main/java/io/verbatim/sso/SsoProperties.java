package io.verbatim.sso;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings ({@code verbatim.sso.*}).
 *
 * @param requestTtl      how long a started sign-in may take at the identity provider before it must start again
 * @param publicBaseUrl   the address users reach Verbatim at (behind a proxy), for the redirect URI registered with
 *                        the provider; empty = taken from each request
 * @param discoveryTimeout how long the issuer's discovery document may take when a configuration is saved
 */
@ConfigurationProperties("verbatim.sso")
public record SsoProperties(@DefaultValue("10m") Duration requestTtl, String publicBaseUrl,
                            @DefaultValue("10s") Duration discoveryTimeout) {

    /** The redirect-URI base: the configured public address, or Spring's per-request {@code {baseUrl}}. */
    public String redirectBase() {
        return publicBaseUrl == null || publicBaseUrl.isBlank() ? "{baseUrl}" : publicBaseUrl.strip().replaceAll("/+$", "");
    }
}
