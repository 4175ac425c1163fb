package io.verbatim.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.platform.PlatformProperties;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobContent;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The beans the module contributes, built from {@code verbatim.storage.*} as the application would. */
class StorageConfigurationTest {

    static {
        if (org.slf4j.LoggerFactory.getLogger("org.gaul") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({StorageProperties.class, PlatformProperties.class})
    static class Properties {
    }

    @RegisterExtension
    final S3ProxyServer s3proxy = new S3ProxyServer();

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(Properties.class, StorageConfiguration.class)
                .withPropertyValues("verbatim.data-dir=" + dataDir);
    }

    @Test
    void defaultsToTheFilesystemUnderTheDataDirectory() {
        runner().run(context -> {
            StorageProperties properties = context.getBean(StorageProperties.class);
            assertThat(properties.engine()).isEqualTo(StorageProperties.Engine.FILESYSTEM);
            assertThat(properties.bucket()).isEqualTo("verbatim");
            assertThat(properties.dedicatedBucketPattern()).isEqualTo("verbatim-{tenant}");
            assertThat(properties.filesystem().fsync()).isTrue();
            assertThat(properties.s3().partSize()).isEqualTo(DataSize.ofMegabytes(8));

            BlobStore store = context.getBean(BlobStore.class);
            assertThat(store).isInstanceOf(FilesystemBlobStore.class);
            assertThat(((FilesystemBlobStore) store).root()).isEqualTo(dataDir.resolve("blobs").toAbsolutePath());

            TenantBlobs acme = context.getBean(TenantStorage.class).forTenant(TenantId.of("acme"), StorageMode.DEDICATED);
            acme.put(acme.layout().aiConfig(), "{}".getBytes(StandardCharsets.UTF_8), BlobAttributes.json());
            assertThat(dataDir.resolve("blobs/verbatim-acme/config/acme/ai-config.json")).hasContent("{}");

            Health health = context.getBean("blobStoreHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("engine", "filesystem").containsEntry("bucket", "verbatim");
        });
    }

    @Test
    void s3IsConfiguredFromEnvironmentVariables() {
        Map<String, Object> env = Map.of(
                "VERBATIM_STORAGE_ENGINE", "s3",
                "VERBATIM_STORAGE_BUCKET", "platform-bucket",
                "VERBATIM_STORAGE_DEDICATEDBUCKETPATTERN", "t-{tenant}",
                "VERBATIM_STORAGE_S3_ENDPOINT", s3proxy.getUri().toString(),
                "VERBATIM_STORAGE_S3_REGION", "eu-west-1",
                "VERBATIM_STORAGE_S3_ACCESSKEY", s3proxy.getAccessKey(),
                "VERBATIM_STORAGE_S3_SECRETKEY", s3proxy.getSecretKey(),
                "VERBATIM_STORAGE_S3_PATHSTYLE", "true",
                "VERBATIM_STORAGE_S3_PARTSIZE", "16MB",
                "VERBATIM_STORAGE_S3_CHECKSUMS", "when-required");
        runner().withInitializer(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", env)))
                .run(context -> {
                    StorageProperties properties = context.getBean(StorageProperties.class);
                    assertThat(properties.engine()).isEqualTo(StorageProperties.Engine.S3);
                    assertThat(properties.s3().pathStyle()).isTrue();
                    assertThat(properties.s3().region()).isEqualTo("eu-west-1");
                    assertThat(properties.s3().partSize()).isEqualTo(DataSize.ofMegabytes(16));
                    assertThat(properties.s3().checksums()).isEqualTo(StorageProperties.Checksums.WHEN_REQUIRED);
                    assertThat(context.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);

                    // the platform bucket does not exist yet: healthy, since it is created on first use
                    HealthIndicator health = context.getBean("blobStoreHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health().getDetails()).containsEntry("bucketExists", false).containsEntry("engine", "s3");

                    TenantStorage tenants = context.getBean(TenantStorage.class);
                    TenantBlobs acme = tenants.forTenant(TenantId.of("acme"), StorageMode.SHARED);
                    TenantBlobs globex = tenants.forTenant(TenantId.of("globex"), StorageMode.DEDICATED);
                    acme.put(acme.layout().qaConfig(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), BlobAttributes.json());
                    globex.put(globex.layout().qaConfig(), "{\"g\":1}".getBytes(StandardCharsets.UTF_8), BlobAttributes.json());
                    assertThat(acme.bucket().value()).isEqualTo("platform-bucket");
                    assertThat(globex.bucket().value()).isEqualTo("t-globex");
                    try (BlobContent content = globex.get(globex.layout().qaConfig())) {
                        assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"g\":1}");
                    }
                    assertThat(health.health().getDetails()).containsEntry("bucketExists", true);
                });
    }

    @Test
    void unreachableS3IsReportedDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        runner().withPropertyValues("verbatim.storage.engine=s3", "verbatim.storage.s3.endpoint=http://127.0.0.1:" + closedPort,
                        "verbatim.storage.s3.path-style=true", "verbatim.storage.s3.access-key=x", "verbatim.storage.s3.secret-key=y",
                        "verbatim.storage.s3.connect-timeout=1s")
                .run(context -> {
                    // building the client touched nothing; only the health check finds the store unreachable
                    Health health = context.getBean("blobStoreHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsKey("error");
                });
    }

    @Test
    void aDedicatedPatternWithoutTheTenantFailsAtStartup() {
        runner().withPropertyValues("verbatim.storage.dedicated-bucket-pattern=all-tenants")
                .run(context -> assertThat(context).hasFailed());
    }
}
