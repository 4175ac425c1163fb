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
    void explorerRowsLinkToTheCallersContactCard() {
        String admin = api.token("admin@demo.local");
        var json = api.get("/api/v1/explorer?limit=100", admin);
        assertThat(json.status()).as(json.raw()).isEqualTo(200);
        var html = page("/calls", admin).raw();
        int linked = 0;
        for (var row : json.body().get("items")) {
            if (!html.contains("data-id=\"" + row.get("id").asString() + "\"")) {
                continue; // the page shows its own first page
            }
            String tr = html.substring(html.indexOf("data-id=\"" + row.get("id").asString() + "\""));
            tr = tr.substring(0, tr.indexOf("</tr>"));
            if (row.hasNonNull("contact_card_id")) {
                linked++;
                assertThat(tr).contains("href=\"/contacts/" + row.get("contact_card_id").asString() + "\"");
            } else {
                assertThat(tr).doesNotContain("/contacts/");
            }
        }
        assertThat(linked).as("rows with a contact card on the page").isPositive();
        // Another tenant's explorer links none of this tenant's cards.
        var acme = api.get("/api/v1/explorer?limit=100", api.token("admin@acme.local"));
        String acmeHtml = page("/calls", api.token("admin@acme.local")).raw();
        for (var row : json.body().get("items")) {
            if (row.hasNonNull("contact_card_id")) {
                assertThat(acmeHtml).doesNotContain(row.get("contact_card_id").asString());
                assertThat(acme.raw()).doesNotContain(row.get("contact_card_id").asString());
            }
        }
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
