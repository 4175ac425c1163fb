package io.verbatim.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** In-app notifications: a campaign assignment reaches the people assigned, and only them. */
class NotificationApiIT extends PlatformTest {

    @Test
    void anAssignmentNotifiesThePeopleAssignedWhoReadOnlyTheirOwn() {
        String admin = api.token("admin@demo.local");
        String shopper = ShoppingFixture.shopper(api, "demo-tenant");
        String token = api.token(shopper);
        assertThat(api.get("/api/v1/notifications/unread-count", token).body().get("unread").asInt()).isZero();
        String campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), ShoppingFixture.zone(api, admin, "Gazcue"),
                ShoppingFixture.userId(api, "demo-tenant", shopper), null);

        assertThat(api.get("/api/v1/notifications/unread-count", token).body().get("unread").asInt()).isEqualTo(1);
        ApiClient.Response list = api.get("/api/v1/notifications", token);
        JsonNode n = list.body().get("items").get(0);
        assertThat(n.get("kind").asString()).isEqualTo("campaign.assigned");
        assertThat(n.get("data").get("campaign_id").asString()).isEqualTo(campaign);
        assertThat(n.get("read_at")).isNull();
        String id = n.get("id").asString();

        // nobody else sees or marks it: another user of the company, another company
        String manager = api.token("manager@demo.local");
        assertThat(api.get("/api/v1/notifications", manager).raw()).doesNotContain(id);
        assertThat(api.post("/api/v1/notifications/" + id + "/read", manager, null).status()).isEqualTo(404);
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/notifications", acme).raw()).doesNotContain(id);
        assertThat(api.post("/api/v1/notifications/" + id + "/read", acme, null).status()).isEqualTo(404);

        // re-saving the campaign with the same people notifies nobody again
        api.patch("/api/v1/campaigns/" + campaign, admin, "{\"shopper_ids\": [\"" + ShoppingFixture.userId(api, "demo-tenant", shopper) + "\"]}");
        assertThat(api.get("/api/v1/notifications/unread-count", token).body().get("unread").asInt()).isEqualTo(1);

        assertThat(api.post("/api/v1/notifications/" + id + "/read", token, null).body().get("read_at")).isNotNull();
        assertThat(api.get("/api/v1/notifications/unread-count", token).body().get("unread").asInt()).isZero();
        assertThat(api.get("/api/v1/notifications?unread=true", token).body().get("items").size()).isZero();
        assertThat(api.post("/api/v1/notifications/read-all", token, null).body().get("marked").asInt()).isZero();
    }
}
