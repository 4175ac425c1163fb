package io.verbatim.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The team's "never tuned on" convention: a conversation is held out when the SHA-1 (hex) of its id's
 * UTF-8 bytes starts with 0, 1, 2 or 3 (about a quarter of any set, fixed by the id alone).
 */
public final class HeldOut {

    private HeldOut() {
    }

    public static boolean contains(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
            char first = HexFormat.of().formatHex(digest).charAt(0);
            return first >= '0' && first <= '3';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
