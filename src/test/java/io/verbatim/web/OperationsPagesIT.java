package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings → Audit (admins, their tenant's log) and Settings → Status (platform admins: the service map and backups). */
class OperationsPagesIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    private ApiClient.Response page(String path, String token) {
        return api.send("GET", path, token, HTML, null);
    }

    @Test
    void theAuditPageShowsTheTenantsEntriesWithFiltersAndACsvLinkThatKeepsThem() {
        // a sign-in of its own (tokens are cached across tests): the page lists the newest entries only, and other tests
        // in the shared database write many
        api.forget("csr1@demo.local");
        api.token("csr1@demo.local");
        var demo = page("/settings/audit", api.token("admin@demo.local"));
        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.raw()).contains("id=\"audit-filter\"").contains("class=\"subnav settings-nav\"")
                .contains("href=\"/settings/audit\"").contains("auth.login").contains("csr1@demo.local")
                .doesNotContain("@acme.local").doesNotContain("href=\"/settings/status\"");

        var filtered = page("/settings/audit?actor=csr1&action=auth.login", api.token("admin@demo.local"));
        assertThat(filtered.raw()).contains("csr1@demo.local").doesNotContain("<td><span>manager@demo.local</span>")
                .contains("href=\"/api/v1/audit.csv?actor=csr1&amp;action=auth.login\"");

        var acme = page("/settings/audit", api.token("admin@acme.local"));
        assertThat(acme.status()).isEqualTo(200);
        assertThat(acme.raw()).contains("admin@acme.local").doesNotContain("@demo.local");

        var bad = page("/settings/audit?from=soon", api.token("admin@demo.local"));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void theStatusPageShowsEveryServiceForPlatformAdminsOnly() {
        var root = page("/settings/status", api.token("root@verbatim.local"));
        assertThat(root.status()).isEqualTo(200);
        for (String component : List.of("db", "blobStore", "jobs", "speech", "webhooks", "backup")) {
            assertThat(root.raw()).as(component).contains("data-component=\"" + component + "\"");
        }
        assertThat(root.raw()).contains("id=\"run-backup\"").contains("id=\"run-verification\"")
                .contains("href=\"/settings/status\"").contains("/js/settings-status.js");

        for (String email : List.of("admin@demo.local", "admin@acme.local", "manager@demo.local", "csr1@demo.local")) {
            var r = page("/settings/status", api.token(email));
            assertThat(r.status()).as(email).isEqualTo(403);
            assertThat(r.raw()).as(email).contains("id=\"forbidden\"").doesNotContain("data-component");
        }
        assertThat(page("/settings/status", null).status()).isEqualTo(302);
    }
}
