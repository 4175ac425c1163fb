package io.verbatim.storage;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What is stored with an object besides its bytes: a content type and user metadata. The rules
 * are S3's portable subset, so every engine keeps exactly what it was given: lower-case keys of
 * letters, digits and dashes (S3 folds header names to lower case), printable ASCII values
 * without surrounding spaces (HTTP trims them), 2 KB in all (S3's limit).
 */
public record BlobAttributes(String contentType, Map<String, String> metadata) {

    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String JSON = "application/json";
    public static final int MAX_METADATA_BYTES = 2048;

    private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(?: *;[\\x20-\\x7e]*)?");
    private static final Pattern METADATA_KEY = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern METADATA_VALUE = Pattern.compile("(?:[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?)?");

    public BlobAttributes {
        contentType = contentType == null || contentType.isBlank() ? OCTET_STREAM : contentType.trim();
        if (contentType.length() > 255 || !CONTENT_TYPE.matcher(contentType).matches()) {
            throw new InvalidBlobKeyException("'" + BlobKey.printable(contentType) + "' is not a content type");
        }
        metadata = metadata == null ? Map.of() : validated(metadata);
    }

    public static BlobAttributes of(String contentType) {
        return new BlobAttributes(contentType, Map.of());
    }

    public static BlobAttributes json() {
        return of(JSON);
    }

    /** A copy with one more metadata entry (replacing any with the same key). */
    public BlobAttributes with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(metadata);
        copy.put(key, value);
        return new BlobAttributes(contentType, copy);
    }

    private static Map<String, String> validated(Map<String, String> metadata) {
        Map<String, String> sorted = new TreeMap<>();
        int bytes = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (key == null || !METADATA_KEY.matcher(key).matches()) {
                throw new InvalidBlobKeyException("'" + (key == null ? "null" : BlobKey.printable(key))
                        + "' is not a metadata key: use lower-case letters, digits and dashes");
            }
            if (value == null || !METADATA_VALUE.matcher(value).matches()) {
                throw new InvalidBlobKeyException("The value of metadata '" + key + "' must be printable ASCII without surrounding spaces");
            }
            bytes += key.getBytes(StandardCharsets.US_ASCII).length + value.getBytes(StandardCharsets.US_ASCII).length;
            sorted.put(key, value);
        }
        if (bytes > MAX_METADATA_BYTES) {
            throw new InvalidBlobKeyException("Object metadata is limited to " + MAX_METADATA_BYTES + " bytes, not " + bytes);
        }
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
