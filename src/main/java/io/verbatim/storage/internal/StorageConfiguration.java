package io.verbatim.storage.internal;

import io.verbatim.platform.PlatformProperties;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.BucketName;
import io.verbatim.storage.TenantStorage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the configured blob store and the tenant-scoped access to it. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    BlobStore blobStore(StorageProperties properties, PlatformProperties platform) {
        return switch (properties.engine()) {
            case FILESYSTEM -> new FilesystemBlobStore(filesystemRoot(properties, platform), properties.filesystem().fsync());
            case S3 -> new S3BlobStore(S3Clients.create(properties.s3()), properties.s3().region(),
                    Math.toIntExact(properties.s3().partSize().toBytes()), properties.s3().listPageSize());
        };
    }

    @Bean
    TenantStorage tenantStorage(BlobStore blobStore, StorageProperties properties) {
        return new DefaultTenantStorage(blobStore, BucketName.of(properties.bucket()), properties.dedicatedBucketPattern(),
                properties.createBuckets());
    }

    @Bean
    BlobStoreHealthIndicator blobStoreHealthIndicator(BlobStore blobStore, StorageProperties properties, PlatformProperties platform) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine", properties.engine().name().toLowerCase(java.util.Locale.ROOT));
        switch (properties.engine()) {
            case FILESYSTEM -> details.put("root", filesystemRoot(properties, platform).toAbsolutePath().normalize().toString());
            case S3 -> {
                details.put("endpoint", properties.s3().endpoint() == null ? "aws" : properties.s3().endpoint().toString());
                details.put("region", properties.s3().region());
            }
        }
        return new BlobStoreHealthIndicator(blobStore, BucketName.of(properties.bucket()), properties.createBuckets(), details);
    }

    static Path filesystemRoot(StorageProperties properties, PlatformProperties platform) {
        Path root = properties.filesystem().root();
        return root != null ? root : platform.dataDir().resolve("blobs");
    }
}
