package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Settings → Single sign-on, rendered on the server: the tenant's own provider only, never its secret. */
class SsoSettingsPageIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    @Test
    void anAdminSeesTheirProviderAndTheRedirectUriButNeverTheSecret() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String root = api.token("root@verbatim.local");
        String tenant = "sso-page-" + suffix;
        String domain = "page-" + suffix + ".example";
        api.post("/api/v1/tenants", root, "{\"id\":\"" + tenant + "\",\"name\":\"SSO Page\"}");
        api.send("POST", "/api/v1/users", root, Map.of("X-Verbatim-Tenant", tenant),
                "{\"email\":\"admin@" + domain + "\",\"name\":\"Page Admin\",\"role\":\"admin\",\"password\":\""
                        + ApiClient.DEMO_PASSWORD + "\"}");
        String admin = api.token("admin@" + domain);

        var empty = api.send("GET", "/settings/sso", admin, HTML, null);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.raw()).contains("id=\"sso-form\"").contains("Not set up")
                .contains("/login/oauth2/code/" + tenant).contains("settings-sso.js").doesNotContain("id=\"sso-delete\"");

        String secret = "page-secret-" + UUID.randomUUID();
        String issuer = io.verbatim.support.TestAuthorizationServer.get().issuer();
        var put = api.send("PUT", "/api/v1/sso", admin, Map.of(), """
                {"preset":"keycloak","issuer":"%s","client_id":"page-client","client_secret":"%s","email_domains":["%s"]}"""
                .formatted(issuer, secret, domain));
        assertThat(put.status()).as(put.raw()).isEqualTo(201);

        var page = api.send("GET", "/settings/sso", admin, HTML, null);
        assertThat(page.raw()).contains(issuer).contains("page-client").contains(domain).contains("id=\"sso-delete\"")
                .contains("Stored; leave empty to keep it").contains("/oauth2/authorization/" + tenant)
                .doesNotContain(secret).doesNotContain("vbx1.");

        // Another tenant's admin sees their own (empty) page, nothing of this one.
        var acme = api.send("GET", "/settings/sso", api.token("admin@acme.local"), HTML, null);
        assertThat(acme.status()).isEqualTo(200);
        assertThat(acme.raw()).doesNotContain("page-client").doesNotContain(domain).contains("/login/oauth2/code/acme");
        assertThat(api.delete("/api/v1/sso", admin).status()).isEqualTo(204);
    }
}
