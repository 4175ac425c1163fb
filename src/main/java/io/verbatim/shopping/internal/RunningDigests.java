package io.verbatim.shopping.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each unfinished upload's SHA-256 over the bytes committed so far, on this node, so the completion needs no reading
 * pass for it: it is the upload's recorded digest and the stored object's etag (no MD5: that cost more CPU per byte
 * than the rest of a PATCH, for an etag that may be any strong digest of the content). A PATCH continues the digest only
 * when it starts where the digest ends (the committed offset); after a restart, on another node, or past {@link #LIMIT}
 * uploads, there is none and the completion reads the file as before. Bytes below the committed offset never change,
 * so a digest at that offset is the file's.
 */
final class RunningDigests {

    /** At most this many digests are kept (a few hundred bytes each); beyond it the completion reads the file. */
    static final int LIMIT = 10_000;

    /** The SHA-256 of a file's first bytes. */
    record Digests(MessageDigest sha256) {

        static Digests fresh() {
            try {
                return new Digests(MessageDigest.getInstance("SHA-256"));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Digests copy() throws CloneNotSupportedException {
            return new Digests((MessageDigest) sha256.clone());
        }

        String sha256Hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    private record Running(long offset, Digests digests) {
    }

    private final Map<UUID, Running> running = new ConcurrentHashMap<>();

    /** A copy of the digest to continue from {@code offset}: a new one at 0, null when this node has none that ends there. */
    Digests continuing(UUID upload, long offset) {
        if (offset == 0) {
            return Digests.fresh();
        }
        Running r = running.get(upload);
        if (r == null || r.offset() != offset) {
            return null;
        }
        try {
            return r.digests().copy();
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    /** The digest now covers the upload up to {@code offset} (committed); null forgets it. */
    void remember(UUID upload, long offset, Digests digests) {
        if (digests == null) {
            running.remove(upload);
        } else if (running.size() < LIMIT || running.containsKey(upload)) {
            running.put(upload, new Running(offset, digests));
        }
    }

    void forget(UUID upload) {
        running.remove(upload);
    }
}
