package io.verbatim.sso.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts and authenticates (AES-256-GCM) the sign-in state that waits in the browser while the user is at the
 * identity provider. The key is generated once and kept with the installation's other signing keys, so every node
 * of a cluster opens what another sealed.
 */
@Component
class RequestSealer {

    private static final String KEY_ID = "sso-authorization-request";
    private static final byte[] BINDING = "verbatim-sso-authorization-request".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private volatile SecretKey key;

    RequestSealer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String seal(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(BINDING);
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext, or null when the value was not sealed here (tampered, truncated, another key). */
    byte[] open(String value) {
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(value);
            if (sealed.length < NONCE_BYTES + 16) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(BINDING);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] fresh = new byte[32];
                    RANDOM.nextBytes(fresh);
                    jdbc.sql("INSERT INTO signing_keys (id, secret) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
                            .params(KEY_ID, fresh).update();
                    key = new SecretKeySpec(jdbc.sql("SELECT secret FROM signing_keys WHERE id = ?").param(KEY_ID)
                            .query(byte[].class).single(), "AES");
                }
                current = key;
            }
        }
        return current;
    }
}
