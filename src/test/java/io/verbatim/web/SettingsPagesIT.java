package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings pages over HTTP: admins only (a designed 403 page for others), sign-in first, one tenant's data. */
class SettingsPagesIT extends PlatformTest {

    private static final List<String> PAGES = List.of("/settings/users", "/settings/teams", "/settings/api-keys",
            "/settings/scorecards", "/settings/analysis", "/settings/evaluation", "/settings/credentials",
            "/settings/flags", "/settings/speech", "/settings/sso", "/settings/audit", "/settings/storage");
    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    private ApiClient.Response page(String path, String token) {
        return api.send("GET", path, token, HTML, null);
    }

    @Test
    void everySettingsPageOpensForAnAdminWithTheSettingsNavigation() {
        String admin = api.token("admin@demo.local");
        for (String path : PAGES) {
            var r = page(path, admin);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("content-type")).as(path).startsWith("text/html");
            assertThat(r.raw()).as(path).contains("class=\"subnav settings-nav\"")
                    .contains("href=\"/settings/users\"").contains("href=\"/settings/credentials\"")
                    .contains("href=\"/settings/scorecards\"").contains("href=\"/settings/flags\"").contains("href=\"/settings/sso\"").contains("href=\"/settings/audit\"");
        }
        var root = page("/settings", admin);
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("location")).endsWith("/settings/users");
    }

    @Test
    void othersGetTheDesignedForbiddenPageWithNoData() {
        for (String email : List.of("manager@demo.local", "exec@demo.local", "csr1@demo.local")) {
            String token = api.token(email);
            for (String path : PAGES) {
                var r = page(path, token);
                assertThat(r.status()).as(email + " " + path).isEqualTo(403);
                assertThat(r.header("content-type")).as(email + " " + path).startsWith("text/html");
                assertThat(r.raw()).as(email + " " + path).contains("id=\"forbidden\"")
                        .contains("have access to this page")
                        .doesNotContain("admin@demo.local").doesNotContain("settings-nav")
                        .doesNotContain("<textarea").doesNotContain("\"type\"");
            }
        }
        // The API itself still answers problem+json.
        var api403 = api.get("/api/v1/users", api.token("manager@demo.local"));
        assertThat(api403.status()).isEqualTo(403);
        assertThat(api403.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void unauthenticatedVisitorsAreSentToSignIn() {
        for (String path : List.of("/settings", "/settings/users", "/settings/scorecards", "/settings/credentials")) {
            var r = page(path, null);
            assertThat(r.status()).as(path).isEqualTo(302);
            assertThat(r.header("location")).as(path).contains("/login?next=");
        }
    }

    @Test
    void theUsersPageListsOnlyTheCallersTenant() {
        var acme = page("/settings/users", api.token("admin@acme.local"));
        assertThat(acme.status()).isEqualTo(200);
        assertThat(acme.raw()).contains("admin@acme.local").doesNotContain("@demo.local");
        var demo = page("/settings/users", api.token("admin@demo.local"));
        assertThat(demo.raw()).contains("admin@demo.local").contains("csr1@demo.local").doesNotContain("@acme.local");
    }

    @Test
    void anUnknownPageIsADesignedNotFoundPage() {
        var r = page("/settings/nothing-here", api.token("admin@demo.local"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.raw()).contains("id=\"not-found\"");
    }
}
