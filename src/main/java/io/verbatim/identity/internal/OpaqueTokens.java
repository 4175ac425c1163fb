package io.verbatim.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer secrets (refresh tokens, MFA challenges): 256 bits behind a readable prefix. Only their
 * SHA-256 is stored, as for API keys: there is nothing to guess, so no slow hash is needed.
 */
final class OpaqueTokens {

    static final String REFRESH_PREFIX = "vbr_";
    static final String CHALLENGE_PREFIX = "vbm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {
    }

    static String create(String prefix) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A presented value that could be one of ours: right prefix and a sane length (checked before any look-up). */
    static boolean plausible(String presented, String prefix) {
        return presented != null && presented.startsWith(prefix) && presented.length() <= 100;
    }

    static String hash(String token) {
        return ApiKeys.hash(token);
    }
}
