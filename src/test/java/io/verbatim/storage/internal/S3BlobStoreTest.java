package io.verbatim.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.BlobStoreContract;
import io.verbatim.storage.BucketName;
import io.verbatim.storage.GeneratedContent;
import io.verbatim.storage.StorageException;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.StorageMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The contract on the S3 engine against an embedded s3proxy (filesystem backend, 127.0.0.1, a
 * fresh server per test), with SigV4 credentials, 5 MiB parts and small listing pages so that
 * multipart uploads and continuation pages are exercised.
 */
class S3BlobStoreTest extends BlobStoreContract {

    static final int LIST_PAGE = 100;

    static {
        // s3proxy's embedded Jetty logs every start and stop at INFO; one server per test makes that noise
        if (org.slf4j.LoggerFactory.getLogger("org.gaul") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    @RegisterExtension
    final S3ProxyServer s3proxy = new S3ProxyServer();

    static StorageProperties.S3 settings(S3ProxyServer s3proxy) {
        return new StorageProperties.S3(s3proxy.getUri(), "us-east-1", s3proxy.getAccessKey(), s3proxy.getSecretKey(), true,
                DataSize.ofMegabytes(5), LIST_PAGE, Duration.ofSeconds(5), Duration.ofSeconds(30), StorageProperties.Checksums.WHEN_SUPPORTED);
    }

    @Override
    protected BlobStore createStore() {
        return new S3BlobStore(S3Clients.create(settings(s3proxy)), "us-east-1", S3BlobStore.MIN_PART_SIZE, LIST_PAGE);
    }

    @Override
    protected TenantStorage createTenantStorage(BlobStore store, BucketName sharedBucket, String dedicatedPattern) {
        return new DefaultTenantStorage(store, sharedBucket, dedicatedPattern, true);
    }

    @Test
    void tenantTagIsS3UserMetadata() {
        TenantBlobs acme = tenants.forTenant(ACME, StorageMode.SHARED);
        BlobKey key = acme.layout().sourceMetadata("c-1");
        acme.put(key, bytes("{}"), BlobAttributes.json());

        try (S3Client raw = S3Clients.create(settings(s3proxy))) {
            var head = raw.headObject(b -> b.bucket(BUCKET.value()).key(key.value()));
            assertThat(head.metadata()).containsEntry("tenant-id", "acme");
            assertThat(head.contentType()).isEqualTo("application/json");
        }
    }

    /**
     * s3proxy stores objects but not tags, so the test reads the requests the SDK sends to it: every
     * object a tenant writes, single or multipart, carries the {@code x-amz-tagging: tenant-id=<tenant>}
     * header that S3 turns into the object's tag (cost allocation by tenant in a shared bucket).
     */
    @Test
    void everyTenantObjectCarriesATenantIdTag() {
        java.util.Map<String, String> tagging = new java.util.concurrent.ConcurrentHashMap<>();
        var recorder = new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
            @Override
            public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                                           software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                var request = context.httpRequest();
                request.firstMatchingHeader("x-amz-tagging")
                        .ifPresent(value -> tagging.put(request.method() + " " + request.encodedPath(), value));
            }
        };
        BlobStore recorded = new S3BlobStore(S3Clients.create(settings(s3proxy), java.util.List.of(recorder)), "us-east-1",
                S3BlobStore.MIN_PART_SIZE, LIST_PAGE);
        TenantStorage storage = new DefaultTenantStorage(recorded, BUCKET, "verbatim-{tenant}", true);
        TenantBlobs acme = storage.forTenant(ACME, StorageMode.SHARED);
        BlobKey small = acme.layout().sourceMetadata("c-tag");
        acme.put(small, bytes("{}"), BlobAttributes.json());
        BlobKey large = acme.layout().sourceMetadata("c-tag-large");
        acme.put(large, new java.io.ByteArrayInputStream(new byte[S3BlobStore.MIN_PART_SIZE + 10]), BlobAttributes.json());

        assertThat(tagging).containsEntry("PUT /" + BUCKET.value() + "/" + small.value(), "tenant-id=acme");
        assertThat(tagging).containsEntry("POST /" + BUCKET.value() + "/" + large.value(), "tenant-id=acme"); // CreateMultipartUpload
        assertThat(recorded.exists(BUCKET, small)).isTrue();
        assertThat(recorded.stat(BUCKET, large).orElseThrow().size()).isEqualTo(S3BlobStore.MIN_PART_SIZE + 10L);
        // An object with no owning tenant (platform files) gets no tag header at all.
        assertThat(S3BlobStore.tagging(BlobAttributes.json())).isNull();
    }

    @Test
    void failedMultipartUploadIsAborted() {
        BlobKey key = BlobKey.of("media", "dropped.wav");
        assertThatThrownBy(() -> store.put(BUCKET, key, GeneratedContent.failingAfter(12L * 1024 * 1024), BlobAttributes.of("audio/wav")))
                .isInstanceOf(StorageException.class);

        try (S3Client raw = S3Clients.create(settings(s3proxy))) {
            assertThat(raw.listMultipartUploads(b -> b.bucket(BUCKET.value())).uploads()).isEmpty();
        }
    }

    @Test
    void partSizeBelowS3MinimumIsRefused() {
        assertThatThrownBy(() -> new S3BlobStore(S3Clients.create(settings(s3proxy)), "us-east-1", 1024 * 1024, LIST_PAGE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
