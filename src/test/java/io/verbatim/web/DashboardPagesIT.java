package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard and explorer pages over HTTP: sign-in required, scoped by role, nothing crosses tenants. */
class DashboardPagesIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");
    private static final List<String> PAGES = List.of("/", "/qa", "/agents", "/calls", "/agents/me");
    private Map<String, String> calls;

    @BeforeEach
    void setUp() {
        calls = WebFixture.calls(api);
    }

    private ApiClient.Response page(String path, String token) {
        return api.send("GET", path, token, HTML, null);
    }

    @Test
    void pagesNeedASignIn() {
        for (String path : PAGES) {
            var r = page(path, null);
            assertThat(r.status()).as(path).isEqualTo(302);
            assertThat(r.header("Location")).as(path).contains("/login");
        }
    }

    @Test
    void everyRoleGetsItsPages() {
        for (String who : List.of("admin@demo.local", "manager@demo.local", "exec@demo.local", "csr1@demo.local")) {
            String token = api.token(who);
            for (String path : PAGES) {
                var r = page(path, token);
                assertThat(r.status()).as(who + " " + path).isIn(200, 302);
                assertThat(r.raw()).as(who + " " + path).doesNotContain("Exception", "at io.verbatim");
            }
        }
    }

    @Test
    void explorerRowsLinkToTheCallersContactCard() throws Exception {
        String admin = api.token("admin@demo.local");
        // A caller with a phone gets a card when the call is accepted; the fixture's calls have no phone (no card).
        String phone = io.verbatim.support.TestPhones.unique();
        var uploaded = new io.verbatim.support.Uploads(api).upload(admin,
                new io.verbatim.support.Uploads.Part("transcript", "csr_002.json", "application/json",
                        java.nio.file.Files.readAllBytes(io.verbatim.support.TestData.call("csr_002.json"))),
                io.verbatim.support.Uploads.Part.json("metadata", """
                        {"external_id":"explorer-card-%s","source":"web-test","direction":"inbound","channel":"phone",
                         "customer":{"name":"Ex Plorer","phone":"%s"}}""".formatted(java.util.UUID.randomUUID(), phone)));
        assertThat(uploaded.status()).as(uploaded.raw()).isIn(200, 202);
        String id = uploaded.body().get("id").asString();

        var json = api.get("/api/v1/explorer?limit=100", admin);
        assertThat(json.status()).as(json.raw()).isEqualTo(200);
        String card = null;
        for (var row : json.body().get("items")) {
            if (row.get("id").asString().equals(id)) {
                card = row.path("contact_card_id").asString(null);
            } else if (calls.containsValue(row.get("id").asString())) {
                assertThat(row.hasNonNull("contact_card_id")).as("a fixture call without a phone").isFalse();
            }
        }
        assertThat(card).as(json.raw()).isNotNull();
        var search = api.get("/api/v1/contacts?q=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8), admin);
        assertThat(search.raw()).contains(card);

        String html = page("/calls", admin).raw();
        String tr = html.substring(html.indexOf("data-id=\"" + id + "\""));
        tr = tr.substring(0, tr.indexOf("</tr>"));
        assertThat(tr).contains("href=\"/contacts/" + card + "\"");
        String fixtureRow = html.substring(html.indexOf("data-id=\"" + calls.get("csr_002") + "\""));
        assertThat(fixtureRow.substring(0, fixtureRow.indexOf("</tr>"))).doesNotContain("/contacts/");
        // Another tenant's explorer shows neither the call nor the card.
        String acme = api.token("admin@acme.local");
        assertThat(page("/calls", acme).raw()).doesNotContain(card, id);
        assertThat(api.get("/api/v1/explorer?limit=100", acme).raw()).doesNotContain(card);
    }

    @Test
    void anotherTenantSeesNoneOfTheseCallsOrAgents() {
        String acme = api.token("admin@acme.local");
        String csr1 = userId("csr1@demo.local");
        var calls = page("/calls", acme);
        assertThat(calls.status()).isEqualTo(200);
        assertThat(calls.raw()).contains(this.calls.get("acme:sup_005"))
                .doesNotContain(this.calls.get("csr_002"), this.calls.get("fs_003"), "Casey CSR");
        assertThat(page("/agents", acme).raw()).doesNotContain("Casey CSR", "Riley Rep", csr1);
        var agent = page("/agents/" + csr1, acme);
        assertThat(agent.status()).isEqualTo(404);
        assertThat(agent.raw()).doesNotContain("Casey CSR");
        // The explorer's drill-down parameters cannot reach into another tenant either.
        assertThat(page("/calls?agent=" + csr1, acme).raw()).doesNotContain(this.calls.get("csr_002"));
    }

    @Test
    void anAgentCannotOpenAnotherAgentsPage() {
        String csr1 = api.token("csr1@demo.local");
        var other = page("/agents/" + userId("csr2@demo.local"), csr1);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.raw()).doesNotContain("Chris CSR");
        assertThat(page("/calls?agent=" + userId("csr2@demo.local"), csr1).raw()).doesNotContain(calls.get("sup_003"));
    }

    @Test
    void badFiltersAreExplainedOnThePage() {
        var r = page("/calls?sentiment=angry", api.token("admin@demo.local"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw()).contains("sentiment must be one of");
    }

    private String userId(String email) {
        return api.get("/api/v1/auth/me", api.token(email)).body().get("user_id").asString();
    }
}
