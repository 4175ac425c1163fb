package io.verbatim.identity.internal;

import io.verbatim.identity.AuthMethod;
import io.verbatim.identity.IdentityProperties;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Issues and verifies Verbatim's own signed access tokens (HS256). */
@Component
class AccessTokens {

    static final String METHOD_CLAIM = "auth_method";

    private final IdentityProperties properties;
    private final SigningSecret secret;
    private volatile NimbusJwtEncoder encoder;
    private volatile JwtDecoder decoder;

    AccessTokens(IdentityProperties properties, SigningSecret secret) {
        this.properties = properties;
        this.secret = secret;
    }

    record Issued(String token, long expiresIn) {
    }

    Issued issue(AccountRecord account, String tenantName) {
        return issue(account, tenantName, AuthMethod.PASSWORD);
    }

    /** @param method how the user proved who they are; kept in the token so the session reports it */
    Issued issue(AccountRecord account, String tenantName, AuthMethod method) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("org_id", account.tenantId().value())
                .claim("org_name", tenantName)
                .claim("user_id", account.id().toString())
                .claim("email", account.email())
                .claim("role", account.role().wire())
                .claim(METHOD_CLAIM, method.wire());
        if (account.agentKind() != null) {
            claims.claim("agent_kind", account.agentKind().wire());
        }
        String token = encoder().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return new Issued(token, properties.tokenTtl().toSeconds());
    }

    /** The sign-in method a token of ours records (tokens issued before it was recorded are password ones). */
    static AuthMethod method(Jwt jwt) {
        return AuthMethod.SSO.wire().equals(jwt.getClaimAsString(METHOD_CLAIM)) ? AuthMethod.SSO : AuthMethod.PASSWORD;
    }

    Jwt decode(String token) {
        return decoder().decode(token);
    }

    JwtDecoder decoder() {
        if (decoder == null) {
            NimbusJwtDecoder built = NimbusJwtDecoder.withSecretKey(secret.key()).macAlgorithm(MacAlgorithm.HS256).build();
            built.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
            decoder = built;
        }
        return decoder;
    }

    private NimbusJwtEncoder encoder() {
        if (encoder == null) {
            encoder = NimbusJwtEncoder.withSecretKey(secret.key()).algorithm(MacAlgorithm.HS256).build();
        }
        return encoder;
    }
}
