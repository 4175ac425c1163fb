package io.verbatim.storage.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Object storage settings, {@code verbatim.storage.*}; every key also as an environment variable
 * ({@code VERBATIM_STORAGE_ENGINE}, {@code VERBATIM_STORAGE_S3_ENDPOINT}, ...).
 *
 * @param engine                 {@code filesystem} (embedded default) or {@code s3}
 * @param bucket                 the platform bucket: every shared-mode tenant's objects, under its prefixes
 * @param dedicatedBucketPattern a dedicated-mode tenant's own bucket; {@code {tenant}} becomes the tenant id.
 *                               The result must be a valid bucket name (63 characters at most) and differ from {@code bucket}
 * @param createBuckets          create a missing bucket on first use; off where the operator provisions buckets
 */
@ConfigurationProperties("verbatim.storage")
public record StorageProperties(@DefaultValue("filesystem") Engine engine,
                                @DefaultValue("verbatim") String bucket,
                                @DefaultValue("verbatim-{tenant}") String dedicatedBucketPattern,
                                @DefaultValue("true") boolean createBuckets,
                                @DefaultValue Filesystem filesystem,
                                @DefaultValue S3 s3) {

    public enum Engine { FILESYSTEM, S3 }

    /** When to send and check CRC checksums (the AWS SDK's setting); {@code when-required} for older S3-compatible servers. */
    public enum Checksums { WHEN_SUPPORTED, WHEN_REQUIRED }

    /**
     * @param root  where buckets are directories; empty means {@code <verbatim.data-dir>/blobs}
     * @param fsync force each object and its directory to disk before a put returns
     */
    public record Filesystem(Path root, @DefaultValue("true") boolean fsync) {
    }

    /**
     * @param endpoint       empty for AWS; {@code http://minio:9000}, {@code https://<account>.r2.cloudflarestorage.com}, ...
     * @param region         AWS region; R2 wants {@code auto}
     * @param accessKey      empty uses the AWS default credentials chain (env, profile, instance role)
     * @param secretKey      the access key's secret
     * @param pathStyle      {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (MinIO and most self-hosted stores)
     * @param partSize       multipart part size, at least 5MB (S3's minimum); one part is buffered in memory per upload
     * @param listPageSize   objects per listing request, at most 1000
     * @param connectTimeout TCP connect timeout
     * @param socketTimeout  read timeout on an open connection
     * @param checksums      CRC checksums on requests and responses
     */
    public record S3(URI endpoint, @DefaultValue("us-east-1") String region, String accessKey, String secretKey,
                     @DefaultValue("false") boolean pathStyle, @DefaultValue("8MB") DataSize partSize,
                     @DefaultValue("1000") int listPageSize, @DefaultValue("10s") Duration connectTimeout,
                     @DefaultValue("60s") Duration socketTimeout, @DefaultValue("when-supported") Checksums checksums) {
    }
}
