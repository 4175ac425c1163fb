package io.verbatim.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.Uploads;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A document's tracked-links page: opens and states for admins and managers, nothing for agents or another tenant. */
class TrackedLinksPageIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    private String admin;
    private String documentId;

    @BeforeEach
    void document() {
        admin = api.token("admin@demo.local");
        String collection = api.post("/api/v1/collections", admin, "{\"name\":\"Link page " + System.nanoTime()
                + "\",\"permissions\":{\"roles\":[\"manager\",\"agent\"]}}").body().get("id").asString();
        documentId = new Uploads(api).upload("/api/v1/documents", admin, Map.of(),
                new Uploads.Part("file", "offer.pdf", "application/pdf", TestDocuments.pdf(List.of("Offer\nTen percent off."))),
                new Uploads.Part("title", null, "text/plain", "Autumn offer".getBytes(StandardCharsets.UTF_8)),
                new Uploads.Part("collection_id", null, "text/plain", collection.getBytes(StandardCharsets.UTF_8)))
                .body().get("id").asString();
    }

    @Test
    void the_page_shows_each_links_state_and_opens_to_admins_and_managers_only() {
        String url = api.post("/api/v1/documents/" + documentId + "/links", admin, "{\"expires_in_hours\":24}").body().get("url").asString();
        api.send("GET", url, null, Map.of("User-Agent", "PageTest/1.0"), null);
        api.send("GET", url, null, Map.of("User-Agent", "PageTest/2.0"), null);
        String revoked = api.post("/api/v1/documents/" + documentId + "/links", admin, "{}").body().get("id").asString();
        api.delete("/api/v1/documents/" + documentId + "/links/" + revoked, admin);

        var manager = api.send("GET", "/documents/" + documentId + "/links", api.token("manager@demo.local"), HTML, null);
        assertThat(manager.status()).isEqualTo(200);
        assertThat(manager.raw()).contains("Autumn offer").contains("data-state=\"active\"").contains("data-state=\"revoked\"")
                .contains("<td class=\"link-opens\">2</td>").contains("PageTest/2.0").contains("/js/document-links.js")
                .doesNotContain(url); // the token is shown once, at creation, never on the page
        assertThat(api.send("GET", "/documents", api.token("manager@demo.local"), HTML, null).raw())
                .contains("/documents/" + documentId + "/links");

        // An agent reads the document but may not share it: no page, no link to it.
        String agent = api.token("csr1@demo.local");
        assertThat(api.send("GET", "/documents/" + documentId + "/links", agent, HTML, null).status()).isEqualTo(403);
        assertThat(api.send("GET", "/documents", agent, HTML, null).raw()).contains("Autumn offer")
                .doesNotContain("/documents/" + documentId + "/links");
        // Another tenant's admin: the document does not exist for them.
        var acme = api.send("GET", "/documents/" + documentId + "/links", api.token("admin@acme.local"), HTML, null);
        assertThat(acme.status()).isEqualTo(404);
        assertThat(acme.raw()).doesNotContain("Autumn offer").doesNotContain("PageTest");
        assertThat(api.send("GET", "/documents/" + documentId + "/links", null, HTML, null).status()).isEqualTo(302);
    }

    @Test
    void a_manager_shares_a_link_and_revokes_it_in_chromium() {
        try (Browser b = new Browser(port).login("manager@demo.local")) {
            b.consoleErrors();
            b.open("/documents/" + documentId + "/links");
            assertThat(b.findAll(".link-row")).isEmpty();
            b.find("#link-submit").click();
            b.waitUntil(d -> !b.find("#link-url").getAttribute("value").isEmpty());
            String shared = b.find("#link-url").getAttribute("value");
            assertThat(shared).contains("/shared/documents/");
            assertThat(api.send("GET", shared.substring(shared.indexOf("/shared/")), null, Map.of(), null).status()).isEqualTo(200);

            b.open("/documents/" + documentId + "/links");
            assertThat(b.find(".link-row .link-opens").getText()).isEqualTo("1");
            b.find(".link-row .link-revoke").click();
            b.waitUntil(d -> "revoked".equals(b.find(".link-row").getAttribute("data-state")));
            b.screenshot("document-links");
            assertThat(b.consoleErrors()).isEmpty();
            assertThat(api.send("GET", shared.substring(shared.indexOf("/shared/")), null, Map.of(), null).status()).isEqualTo(410);
        }
    }
}
