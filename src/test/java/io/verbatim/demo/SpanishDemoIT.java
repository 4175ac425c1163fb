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

        // Made through the modules' services, so checked and audited as through the API: the company profile, the campaign
        // with its goals and people (who were notified), and each evaluation submitted for its shopper.
        JsonNode company = api.get("/api/v1/companies/tiendas-caribe", api.token("root@verbatim.local")).body();
        assertThat(company.get("country").asString()).isEqualTo("DO");
        assertThat(company.get("state").asString()).isEqualTo("DO-01");
        assertThat(company.get("subscription_status").asString()).isEqualTo("active");
        JsonNode c = api.get("/api/v1/campaigns/" + campaign, admin).body();
        assertThat(c.get("status").asString()).isEqualTo("active");
        assertThat(c.get("goals").get("target_score").asInt()).isEqualTo(70);
        assertThat(c.get("zone_ids")).hasSize(2);
        assertThat(c.get("shopper_ids")).hasSize(2);
        assertThat(c.get("manager_ids")).hasSize(1);
        assertThat(api.get("/api/v1/audit?action=campaign.created", admin).body().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/audit?action=evaluation.submitted", admin).body().get("items")).hasSize(3);
        assertThat(api.get("/api/v1/notifications", api.token("gerente@caribe.local")).raw()).contains("campaign.assigned");
        assertThat(items).allSatisfy(e -> assertThat(e.get("score").isNull()).isFalse());
    }
}
