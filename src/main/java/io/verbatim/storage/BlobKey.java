package io.verbatim.storage;

import java.util.regex.Pattern;

/**
 * An object key: segments joined by {@code /}. Every segment is 1 to 255 of {@code [A-Za-z0-9._-]},
 * does not start with a dot and holds no {@code ..}; so no key can climb out of its prefix, hide
 * as a dot-file, carry a control character, or mean different things on disk and on S3.
 * The store's own bookkeeping files start with a dot, which is why no segment may.
 */
public record BlobKey(String value) {

    /** S3's limit, in bytes; keys are ASCII so characters and bytes agree. */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");

    public BlobKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidBlobKeyException("An object key must be 1 to " + MAX_LENGTH + " characters");
        }
        for (String segment : value.split("/", -1)) {
            if (!isValidSegment(segment)) {
                throw new InvalidBlobKeyException("'" + printable(value) + "' is not a valid object key");
            }
        }
    }

    public static BlobKey of(String first, String... more) {
        StringBuilder key = new StringBuilder(first);
        for (String segment : more) {
            key.append('/').append(segment);
        }
        return new BlobKey(key.toString());
    }

    /** Whether {@code segment} may appear between two slashes of a key. */
    public static boolean isValidSegment(String segment) {
        return segment != null && SEGMENT.matcher(segment).matches() && !segment.contains("..");
    }

    /**
     * Checks a listing or deletion prefix: empty, or whole segments each followed by {@code /},
     * optionally ending with the start of a segment ({@code input/acme/audio/c1.}).
     */
    public static String requireValidPrefix(String prefix) {
        if (prefix == null) {
            throw new InvalidBlobKeyException("A prefix is required (it may be empty)");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        if (prefix.length() > MAX_LENGTH) {
            throw new InvalidBlobKeyException("A prefix must be at most " + MAX_LENGTH + " characters");
        }
        String[] segments = prefix.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (!(isValidSegment(segments[i]) || (last && isValidPartialSegment(segments[i])))) {
                throw new InvalidBlobKeyException("'" + printable(prefix) + "' is not a valid key prefix");
            }
        }
        return prefix;
    }

    /** The last segment. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isValidPartialSegment(String segment) {
        // the segment being narrowed: empty when the prefix ends with '/'
        return segment.isEmpty() || isValidSegment(segment);
    }

    /** Keeps control characters out of error messages and logs. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
