package io.verbatim.shopping.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each unfinished upload's SHA-256 (its recorded digest) and MD5 (the blob store's etag) over the bytes committed so far,
 * on this node, so the completion needs no reading pass for them. A PATCH continues the digest only when it starts where the digest ends (the committed offset); after a
 * restart, on another node, or past {@link #LIMIT} uploads, there is none and the completion reads the file as before.
 * Bytes below the committed offset never change, so a digest at that offset is the file's.
 */
final class RunningDigests {

    /** At most this many digests are kept (a few hundred bytes each); beyond it the completion reads the file. */
    static final int LIMIT = 10_000;

    /** The two digests of a file's first bytes. */
    record Digests(MessageDigest sha256, MessageDigest md5) {

        static Digests fresh() {
            return new Digests(digest("SHA-256"), digest("MD5"));
        }

        Digests copy() throws CloneNotSupportedException {
            return new Digests((MessageDigest) sha256.clone(), (MessageDigest) md5.clone());
        }

        String sha256Hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }

        String md5Hex() {
            return HexFormat.of().formatHex(md5.digest());
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

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
