package io.verbatim.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme (https://www.standardwebhooks.com): the signed content is
 * {@code msg_id.timestamp.body}; {@code v1} is base64(HMAC-SHA256(secret, content)); the secret is
 * {@code whsec_} + base64 of its bytes; {@code webhook-signature} is a space-separated list of
 * {@code version,signature}, any of which may match.
 */
public final class StandardWebhooks {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    /** A new secret: {@code whsec_} + base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The key bytes of a secret: base64-decoded after {@code whsec_}; a secret without the prefix is used as its UTF-8 bytes. */
    public static byte[] key(String secret) {
        String s = secret.strip();
        if (s.startsWith(PREFIX)) {
            return Base64.getDecoder().decode(s.substring(PREFIX.length()));
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code v1,<base64 signature>}. */
    public static String sign(byte[] key, String messageId, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, messageId, timestamp, body));
    }

    /**
     * Verifies a delivery: a {@code v1} signature of the header list matches and the timestamp is within
     * {@code tolerance} of {@code now}. Never throws on malformed input; it simply does not verify.
     */
    public static boolean verify(byte[] key, String messageId, String timestamp, String signatureHeader, byte[] body,
                                 Instant now, Duration tolerance) {
        if (key == null || key.length == 0 || messageId == null || messageId.isBlank() || timestamp == null
                || signatureHeader == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(key, messageId, ts, body);
        boolean match = false;
        for (String part : signatureHeader.strip().split(" +")) {
            int comma = part.indexOf(',');
            if (comma < 0 || !part.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(part.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            match |= MessageDigest.isEqual(expected, given);
        }
        return match;
    }

    private static byte[] hmac(byte[] key, String messageId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
