package io.verbatim.identity.internal;

import io.verbatim.identity.IdentityProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.stereotype.Component;

/**
 * Picks how to verify a bearer token by its issuer: Verbatim's own HMAC key, or the JWKS of a
 * configured OIDC provider. Tokens from any other issuer are refused.
 */
@Component
class TokenAuthentication {

    private final IdentityProperties properties;
    private final AccessTokens accessTokens;
    private final PrincipalLoader principals;
    private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenAuthentication(IdentityProperties properties, AccessTokens accessTokens, PrincipalLoader principals) {
        this.properties = properties;
        this.accessTokens = accessTokens;
        this.principals = principals;
        this.clock = Clock.systemUTC();
    }

    AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> resolver() {
        return new JwtIssuerAuthenticationManagerResolver(issuer -> managers.computeIfAbsent(issuer, this::managerFor));
    }

    private AuthenticationManager managerFor(String issuer) {
        if (properties.issuer().equals(issuer)) {
            return provider(accessTokens.decoder(),
                    jwt -> principals.ownToken(jwt.getClaimAsString("org_id"), jwt.getClaimAsString("user_id"),
                            AccessTokens.method(jwt)));
        }
        for (IdentityProperties.Oidc oidc : properties.oidc()) {
            if (oidc.issuer().equals(issuer)) {
                return provider(externalDecoder(oidc, clock), jwt -> principals.externalToken(
                        ClaimPaths.first(jwt, oidc.tenantClaims()), ClaimPaths.first(jwt, oidc.userClaims()),
                        ClaimPaths.first(jwt, oidc.emailClaims())));
            }
        }
        return null; // unknown issuer: the resolver answers 401
    }

    static JwtDecoder externalDecoder(IdentityProperties.Oidc oidc, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(oidc.effectiveJwksUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        validators.add(timestamps);
        validators.add(new JwtIssuerValidator(oidc.issuer()));
        if (!oidc.audiences().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    aud -> aud != null && aud.stream().anyMatch(oidc.audiences()::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static AuthenticationManager provider(JwtDecoder decoder,
                                                  java.util.function.Function<Jwt, io.verbatim.identity.CurrentUser> toUser) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(jwt -> new CallerAuthentication(toUser.apply(jwt), jwt.getTokenValue()));
        return provider::authenticate;
    }
}
