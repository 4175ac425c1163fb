package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Call Detail and Ask as pages (no browser): who gets which page, and that a hidden call gives nothing away. */
class CallPagesIT extends PlatformTest {

    private ApiClient.Response page(String path, String email) {
        Map<String, String> headers = email == null ? Map.of("Accept", "text/html")
                : Map.of("Accept", "text/html", "Cookie", "verbatim_session=" + api.token(email));
        return api.send("GET", path, null, headers, null);
    }

    @Test
    void callDetailRendersForWhoMaySeeTheCallAnd404sForEveryoneElse() {
        Map<String, String> calls = WebFixture.calls(api);
        String own = calls.get("csr_002");
        String colleagues = calls.get("sup_003");

        var admin = page("/calls/" + own, "admin@demo.local");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.header("content-type")).contains("text/html");
        assertThat(admin.raw()).contains("data-id=\"" + own + "\"").contains("Transcript only").contains("Ask about this call")
                .contains(WebFixture.TAG + "-csr_002");
        assertThat(page("/calls/" + own, "csr1@demo.local").status()).isEqualTo(200);
        // Correcting turns: offered to admins and managers, not to the agent or an executive (the API refuses them too).
        assertThat(admin.raw()).contains("data-edits=\"true\"").contains("/js/call-edit.js");
        assertThat(page("/calls/" + own, "csr1@demo.local").raw()).contains("data-edits=\"false\"");
        assertThat(page("/calls/" + own, "exec@demo.local").raw()).contains("data-edits=\"false\"");

        // An agent opening a colleague's call: the same 404 as a call that does not exist.
        var other = page("/calls/" + colleagues, "csr1@demo.local");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.raw()).contains("Call not found").doesNotContain(colleagues).doesNotContain(WebFixture.TAG)
                .doesNotContain("Exception");
        assertThat(page("/calls/" + colleagues, "csr2@demo.local").status()).isEqualTo(200);

        // Another tenant's admin: 404 and nothing of the call (id, external id, agent) in the page.
        var acme = page("/calls/" + own, "admin@acme.local");
        assertThat(acme.status()).isEqualTo(404);
        assertThat(acme.raw()).contains("Call not found").doesNotContain(own).doesNotContain(WebFixture.TAG)
                .doesNotContain("data-id").doesNotContain("/api/v1/conversations/");
        assertThat(page("/calls/" + calls.get("acme:sup_005"), "admin@acme.local").status()).isEqualTo(200);
        assertThat(page("/calls/" + calls.get("acme:sup_005"), "admin@demo.local").status()).isEqualTo(404);

        var missing = page("/calls/00000000-0000-0000-0000-000000000000", "admin@demo.local");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw()).contains("Call not found");
        var garbage = page("/calls/not-a-call", "admin@demo.local");
        assertThat(garbage.status()).isEqualTo(404);
        assertThat(garbage.raw()).contains("Call not found").doesNotContain("Exception");
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        String id = WebFixture.calls(api).get("csr_002");
        var call = page("/calls/" + id, null);
        assertThat(call.status()).isEqualTo(302);
        assertThat(call.header("location")).contains("/login");
        assertThat(call.raw()).doesNotContain(WebFixture.TAG);
        var ask = page("/ask", null);
        assertThat(ask.status()).isEqualTo(302);
        assertThat(ask.header("location")).contains("/login");
    }

    @Test
    void askRendersForEveryRoleWithOnlyTheScopesTheRoleAllows() {
        var agent = page("/ask", "csr1@demo.local");
        assertThat(agent.status()).isEqualTo(200);
        assertThat(agent.raw()).contains("id=\"ask-form\"").contains("value=\"self\"")
                .doesNotContain("value=\"company\"").doesNotContain("value=\"team\"");

        var manager = page("/ask", "manager@demo.local");
        assertThat(manager.status()).isEqualTo(200);
        assertThat(manager.raw()).contains("value=\"self\"").contains("value=\"team\"").doesNotContain("value=\"company\"");

        for (String email : new String[] {"exec@demo.local", "admin@demo.local"}) {
            var r = page("/ask", email);
            assertThat(r.status()).as(email).isEqualTo(200);
            assertThat(r.raw()).as(email).contains("value=\"company\"").contains("id=\"ask-question\"");
        }
    }
}
