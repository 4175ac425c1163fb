package io.verbatim.enrichment.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deterministic tuning split: a conversation is held out (never looked at while tuning) when the
 * first hex digit of the SHA-1 of its id is 0, 1, 2 or 3 (about a quarter). A trailing {@code _asr} is
 * dropped first so that the human and machine transcripts of one call fall on the same side.
 */
public final class HeldOut {

    private HeldOut() {
    }

    public static boolean heldOut(String id) {
        String key = id.endsWith("_asr") ? id.substring(0, id.length() - 4) : id;
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
            return (sha[0] & 0xff) >>> 4 <= 3;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
