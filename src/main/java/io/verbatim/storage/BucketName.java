package io.verbatim.storage;

import java.util.regex.Pattern;

/**
 * A bucket: an S3 bucket, or a directory under the filesystem store's root. The rule is the
 * portable subset of S3's (3 to 63 lower-case letters, digits and single dashes, no dots), so the
 * same name is valid on AWS, MinIO, R2 and as a directory name.
 */
public record BucketName(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    public BucketName {
        if (!isValid(value)) {
            throw new InvalidBlobKeyException("'" + value + "' is not a bucket name: use 3-63 lower-case letters, digits and single dashes");
        }
    }

    public static BucketName of(String value) {
        return new BucketName(value);
    }

    public static boolean isValid(String value) {
        return value != null && NAME.matcher(value).matches() && !value.contains("--");
    }

    @Override
    public String toString() {
        return value;
    }
}
