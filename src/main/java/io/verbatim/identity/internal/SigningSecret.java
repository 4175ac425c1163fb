package io.verbatim.identity.internal;

import io.verbatim.identity.IdentityProperties;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC key for Verbatim's own tokens: configured, or generated once and kept in the database so
 * every node of a cluster (and every restart) signs and verifies with the same key.
 */
@Component
class SigningSecret {

    private final IdentityProperties properties;
    private final JdbcClient jdbc;
    private volatile SecretKey key;

    SigningSecret(IdentityProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(load(), "HmacSHA256");
                }
                current = key;
            }
        }
        return current;
    }

    private byte[] load() {
        if (properties.tokenSecret() != null && !properties.tokenSecret().isBlank()) {
            byte[] configured = Base64.getDecoder().decode(properties.tokenSecret().strip());
            if (configured.length < 32) {
                throw new IllegalStateException("verbatim.auth.token-secret must decode to at least 32 bytes");
            }
            return configured;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO signing_keys (id, secret) VALUES ('access-token', ?) ON CONFLICT (id) DO NOTHING")
                .param(fresh).update();
        return jdbc.sql("SELECT secret FROM signing_keys WHERE id = 'access-token'").query(byte[].class).single();
    }
}
