package io.verbatim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import org.junit.jupiter.api.Test;

class HealthIT extends PlatformTest {

    @Test
    void healthIsPublicButItsDetailsAreForOperatorsOnly() {
        var anonymous = api.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.raw()).doesNotContain("components");

        var operator = api.get("/actuator/health", api.token("root@verbatim.local"));
        var components = operator.body().get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("blobStore").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("jobs").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("jobs").get("details").has("queueDepth")).isTrue();
        assertThat(components.get("jobs").get("details").has("failing")).isTrue();
        assertThat(components.get("speech").get("details").get("pocketsphinx").asString()).isEqualTo("available");
        assertThat(components.get("webhooks").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("webhooks").get("details").has("deliveryBacklog")).isTrue();
        // Never verified (or verified and passed): a fresh installation is not reported unhealthy for it.
        assertThat(components.get("backup").get("status").asString()).isIn("UNKNOWN", "UP");
        assertThat(components.get("backup").get("details").get("location").asString()).endsWith("backups");
        // Neither an LLM nor a mail server is configured here, so neither is on the map.
        assertThat(components.has("llm")).isFalse();
        assertThat(components.has("smtp")).isFalse();
        assertThat(api.get("/actuator/health", api.token("admin@demo.local")).raw()).doesNotContain("components");
    }

    @Test
    void prometheusMetricsIncludeThePipelineAndHttpTimings() {
        api.get("/api/v1/auth/me", api.token("admin@demo.local"));
        var metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("http_server_requests_seconds").contains("hikaricp_connections");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var doc = api.get("/v3/api-docs", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().get("info").get("title").asString()).isEqualTo("Verbatim API");
        assertThat(doc.body().get("paths").has("/api/v1/conversations")).isTrue();
        assertThat(doc.body().get("paths").has("/api/v1/auth/login")).isTrue();
    }
}
