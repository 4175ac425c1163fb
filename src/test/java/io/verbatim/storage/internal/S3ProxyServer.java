package io.verbatim.storage.internal;

import java.net.URI;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * s3proxy's JUnit extension (a fresh server per test) whose stop may not hang the build: its embedded
 * Jetty sometimes deadlocks stopping a connector whose response send was cancelled (after a client aborts
 * a multipart upload). The stop runs on a daemon thread and is abandoned after a few seconds.
 */
final class S3ProxyServer implements BeforeEachCallback, AfterEachCallback {

    private final S3ProxyExtension proxy = S3ProxyExtension.builder()
            .withCredentials("verbatim-access", "verbatim-secret")
            // s3proxy keeps no object tags and would refuse the x-amz-tagging header S3 and MinIO accept
            .ignoreUnknownHeaders().build();

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        proxy.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Thread stop = Thread.ofPlatform().daemon().name("s3proxy-stop").start(() -> {
            try {
                proxy.afterEach(context);
            } catch (Exception ignored) {
                // a server that fails to stop is left to the JVM's exit
            }
        });
        stop.join(10_000);
    }

    URI getUri() {
        return proxy.getUri();
    }

    String getAccessKey() {
        return proxy.getAccessKey();
    }

    String getSecretKey() {
        return proxy.getSecretKey();
    }
}
