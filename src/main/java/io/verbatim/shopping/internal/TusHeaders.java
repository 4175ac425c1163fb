package io.verbatim.shopping.internal;

import io.verbatim.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reading the tus request headers ({@code Upload-Checksum}, {@code Upload-Metadata}) and naming the stored file. */
final class TusHeaders {

    private TusHeaders() {
    }

    /** The digest an {@code Upload-Checksum} header asks for; tus allows several algorithms, this server sha1. */
    static MessageDigest sha1(String header) {
        if (!header.toLowerCase(Locale.ROOT).startsWith("sha1 ")) {
            throw ProblemException.badRequest("checksum-algorithm-unsupported", "Upload-Checksum supports sha1 only");
        }
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** tus {@code Upload-Metadata}: comma-separated {@code key base64(value)} pairs. */
    static Map<String, String> metadata(String header) {
        Map<String, String> out = new HashMap<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.strip().split(" ", 2);
            try {
                String value = kv.length < 2 ? "" : new String(Base64.getDecoder().decode(kv[1].strip()), StandardCharsets.UTF_8);
                out.put(kv[0], value.length() > 255 ? value.substring(0, 255) : value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-upload-metadata", "Upload-Metadata values must be base64");
            }
        }
        return out;
    }

    /** The stored file's extension: the upload's own when it is short and plain, else {@code bin}. */
    static String extension(String filename) {
        if (filename == null || !filename.contains(".")) {
            return "bin";
        }
        String ext = filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,10}") ? ext : "bin";
    }
}
