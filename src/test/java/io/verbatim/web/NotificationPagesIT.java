package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /notifications}: a user's own in-app notifications as a page, in their language, linking to the page each
 * concerns; marked read one by one or all at once with form posts. Nobody else's are shown or can be marked.
 */
class NotificationPagesIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Test
    void aShopperSeesTheirAssignmentAndMarksItRead() {
        String admin = api.token("admin@demo.local");
        String shopperEmail = ShoppingFixture.shopper(api, "demo-tenant");
        String shopper = api.token(shopperEmail);
        String zone = ShoppingFixture.zone(api, admin, "Naco " + UUID.randomUUID().toString().substring(0, 6));
        String survey = ShoppingFixture.survey(api, admin);
        ShoppingFixture.campaign(api, admin, survey, zone, ShoppingFixture.userId(api, "demo-tenant", shopperEmail), null);
        ShoppingFixture.campaign(api, admin, survey, zone, ShoppingFixture.userId(api, "demo-tenant", shopperEmail), null);
        String id = waitForUnread(shopper, 2);

        ApiClient.Response page = api.send("GET", "/notifications?lang=es", shopper, HTML, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("Avisos", "2 sin leer", "Me asignan a una campaña", "href=\"/shopping/campaigns\"",
                "action=\"/notifications/" + id + "/read\"", "Marcar todo como leído");

        ApiClient.Response read = api.send("POST", "/notifications/" + id + "/read", shopper, Map.of(), "");
        assertThat(read.status()).isEqualTo(302);
        assertThat(read.header("Location")).endsWith("/notifications");
        assertThat(api.get("/api/v1/notifications/unread-count", shopper).body().get("unread").asInt()).isEqualTo(1);
        assertThat(api.send("GET", "/notifications?lang=en&unread=true", shopper, HTML, null).raw())
                .contains("1 unread").doesNotContain("action=\"/notifications/" + id + "/read\"");

        // Someone else, in the same company or another, neither sees nor marks the shopper's notifications.
        String manager = api.token(ShoppingFixture.manager(api, "demo-tenant"));
        assertThat(api.send("GET", "/notifications", manager, HTML, null).raw()).doesNotContain(id);
        String other = api.get("/api/v1/notifications?unread=true", shopper).body().get("items").get(0).get("id").asString();
        assertThat(api.send("POST", "/notifications/" + other + "/read", manager, Map.of(), "").status()).isEqualTo(404);
        assertThat(api.send("POST", "/notifications/" + other + "/read", api.token("admin@acme.local"), Map.of(), "").status()).isEqualTo(404);
        assertThat(api.send("POST", "/notifications/read-all", manager, Map.of(), "").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/notifications/unread-count", shopper).body().get("unread").asInt()).isEqualTo(1);

        assertThat(api.send("POST", "/notifications/read-all", shopper, Map.of(), "").status()).isEqualTo(302);
        assertThat(api.send("GET", "/notifications?lang=en", shopper, HTML, null).raw()).contains("0 unread")
                .doesNotContain("id=\"read-all\"");
        assertThat(api.send("GET", "/notifications", null, HTML, null).status()).isIn(302, 401);
    }

    private String waitForUnread(String token, int n) {
        for (int i = 0; i < 100; i++) {
            var items = api.get("/api/v1/notifications?unread=true", token).body().get("items");
            if (items.size() >= n) {
                return items.get(0).get("id").asString();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("no notifications");
    }
}
