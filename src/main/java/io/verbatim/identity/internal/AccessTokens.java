package io.verbatim.identity.internal;

import io.verbatim.identity.IdentityProperties;
import java.time.Instant;
import io.verbatim.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies Verbatim's own signed access tokens (HS256). Each names its sign-in session
 * ({@code sid}) and the factors that session was proven with ({@code amr}, {@code auth_time}).
 */
@Component
class AccessTokens {


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

    /** What an access token says about the session it belongs to. */
    record SessionClaims(UUID sessionId, List<Factor> factors, Instant authTime) {
    }

    Issued issue(AccountRecord account, String tenantName, SessionClaims session) {
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
                .claim("sid", session.sessionId().toString())
                .claim("amr", Factor.amr(session.factors()))
                .claim("auth_time", session.authTime().getEpochSecond());
        if (account.agentKind() != null) {
            claims.claim("agent_kind", account.agentKind().wire());
        }
        String token = encoder().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return new Issued(token, properties.tokenTtl().toSeconds());
    }

    Jwt decode(String token) {
        return decoder().decode(token);
    }

    record TokenSession(TenantId tenant, UUID userId, UUID sessionId) {
    }

    /** The session a token of ours names, checking the signature but not the expiry (to end that session at sign-out). */
    Optional<TokenSession> sessionOf(String token) {
        try {
            NimbusJwtDecoder lenient = NimbusJwtDecoder.withSecretKey(secret.key()).macAlgorithm(MacAlgorithm.HS256).build();
            lenient.setJwtValidator(new JwtIssuerValidator(properties.issuer()));
            Jwt jwt = lenient.decode(token);
            return Optional.of(new TokenSession(new TenantId(jwt.getClaimAsString("org_id")),
                    UUID.fromString(jwt.getClaimAsString("user_id")), UUID.fromString(jwt.getClaimAsString("sid"))));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
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
