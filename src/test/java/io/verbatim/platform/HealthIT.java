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
        assertThat(components.get("pipeline").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("speech").get("details").get("pocketsphinx").asString()).isEqualTo("available");
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
