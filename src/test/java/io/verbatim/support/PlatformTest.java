package io.verbatim.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on a random port with its embedded PostgreSQL in a fresh directory and the
 * demo tenants seeded: every integration test shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PlatformTest {

    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) {
        registry.add("verbatim.data-dir", DATA_DIR::toString);
        registry.add("verbatim.demo.enabled", () -> "true");
        // Recordings would keep both cores transcribing behind every test; DemoConversationsIT loads what it needs.
        registry.add("verbatim.demo.conversations", () -> "false");
        // Tests sign in a lot from one address; the per-address limit is tested on its own.
        registry.add("verbatim.auth.throttle.max-failures-per-ip", () -> "500");
        registry.add("verbatim.auth.oidc[0].issuer", () -> TestIdentityProvider.get().issuer());
        // Webhook receivers, recording providers and recording URLs in tests are local servers (SSRF guard allowance).
        registry.add("verbatim.webhooks.allow-private-targets", () -> "true");
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("verbatim-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
