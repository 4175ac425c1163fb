package io.verbatim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SpanishDemoIT extends PlatformTest {

    @Autowired
    SpanishDemo demo;

    @Test
    void theSpanishCompanyHasZonesACampaignAndAnalysedEvaluationsOnce() throws Exception {
        var campaign = demo.company("verbatim-demo");
        assertThat(demo.company("verbatim-demo")).isEqualTo(campaign);
        int first = demo.evaluations(campaign);
        assertThat(demo.evaluations(campaign)).isZero();
        // Other tests of the shared context may have loaded them already: then nothing is new.
        assertThat(first).isIn(0, 3);

        String admin = api.token("admin@caribe.local");
        assertThat(api.get("/api/v1/zones", admin).raw()).contains("Santo Domingo").contains("Santiago").contains("DO-25");
        assertThat(api.get("/api/v1/campaigns", admin).raw()).contains(SpanishDemo.CAMPAIGN);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode items;
        do {
            Thread.sleep(500);
            items = api.get("/api/v1/evaluations?limit=50", admin).body().get("items");
        } while (StreamSupport.stream(items.spliterator(), false).anyMatch(e -> !"completed".equals(e.get("status").asString()))
                && Instant.now().isBefore(deadline));
        assertThat(items).hasSize(3);
        assertThat(items).allSatisfy(e -> assertThat(e.get("status").asString()).isEqualTo("completed"));
        String id = items.get(0).get("id").asString();
        assertThat(api.get("/api/v1/evaluations/" + id + "/analysis", admin).body().get("operative").has("ioc")).isTrue();
        assertThat(api.get("/api/v1/evaluations?limit=50", api.token("compradora1@caribe.local")).body().get("items")).hasSize(2);
        assertThat(api.get("/api/v1/evaluations/" + id, api.token("admin@demo.local")).status()).isEqualTo(404);
    }
}
