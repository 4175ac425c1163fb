package io.verbatim.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.verbatim.identity.IdentityProperties;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A real Clerk session token and its real JWKS (from Clerk's own test fixtures), verified as Verbatim does. */
class ClerkTokenTest {

    private static final Path CLERK = Path.of(System.getProperty("verbatim.testdata", "../shared/testdata"), "formats", "clerk");
    private static final String ISSUER = "https://clerk.inspired.puma-74.lcl.dev";
    private HttpServer jwks;

    @BeforeEach
    void serveJwks() throws Exception {
        byte[] body = Files.readAllBytes(CLERK.resolve("session-token-v1.clerk-javascript-fixture.jwks.json"));
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    private JwtDecoder decoderAt(Instant now) {
        var oidc = new IdentityProperties.Oidc(ISSUER, "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks", List.of(),
                List.of("org_id", "o.id"), List.of("user_id", "sub"), List.of("email"));
        return TokenAuthentication.externalDecoder(oidc, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theRealClerkTokenVerifiesAgainstItsJwksWithinItsLifetime() throws Exception {
        String token = Files.readString(CLERK.resolve("session-token-v1.clerk-javascript-fixture.jwt.txt")).strip();
        Jwt jwt = decoderAt(Instant.ofEpochSecond(1666648280)).decode(token);
        assertThat(jwt.getSubject()).isEqualTo("user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr");
        assertThat(jwt.getClaimAsString("sid")).isEqualTo("sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9");
        // The fixture carries no organisation, so Verbatim would refuse to map it to a tenant.
        assertThat(ClaimPaths.first(jwt, List.of("org_id", "o.id"))).isNull();
    }

    @Test
    void theSameTokenIsRefusedOnceExpiredOrWhenTampered() throws Exception {
        String token = Files.readString(CLERK.resolve("session-token-v1.clerk-javascript-fixture.jwt.txt")).strip();
        assertThatThrownBy(() -> decoderAt(Instant.ofEpochSecond(1666648310 + 3600)).decode(token))
                .isInstanceOf(JwtValidationException.class);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThatThrownBy(() -> decoderAt(Instant.ofEpochSecond(1666648280)).decode(tampered))
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }
}
