package io.verbatim.sso;

import static io.verbatim.sso.SsoFixture.ONE;
import static io.verbatim.sso.SsoFixture.ONE_ADMIN;
import static io.verbatim.sso.SsoFixture.ONE_DOMAIN;
import static io.verbatim.sso.SsoFixture.ONE_SECRET;
import static io.verbatim.sso.SsoFixture.SUFFIX;
import static io.verbatim.sso.SsoFixture.TWO_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestIdentityProvider;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET/PUT/DELETE /api/v1/sso}: tenant admins only, one tenant's configuration only, the secret never back. */
class SsoApiIT extends PlatformTest {

    @BeforeEach
    void fixture() {
        SsoFixture.ensure(api, port);
    }

    private ApiClient.Response put(String token, String body) {
        return api.send("PUT", "/api/v1/sso", token, Map.of(), body);
    }

    private String config(String issuer, String clientId, String secret, String domains) {
        return """
                {"preset":"custom","issuer":"%s","client_id":"%s","client_secret":"%s","email_domains":[%s]}"""
                .formatted(issuer, clientId, secret, domains);
    }

    @Test
    void anAdminReadsTheConfigurationWithoutTheSecret() {
        var r = api.get("/api/v1/sso", api.token(ONE_ADMIN));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("preset").asString()).isEqualTo("keycloak");
        assertThat(r.body().get("issuer").asString()).isEqualTo(SsoFixture.idp().issuer());
        assertThat(r.body().get("client_id").asString()).isEqualTo("client-" + ONE);
        assertThat(r.body().get("client_secret_set").asBoolean()).isTrue();
        assertThat(r.body().has("client_secret")).isFalse();
        assertThat(r.body().get("email_domains").get(0).asString()).isEqualTo(ONE_DOMAIN);
        assertThat(r.body().get("redirect_uri").asString()).endsWith("/login/oauth2/code/" + ONE);
        assertThat(r.body().get("provider").get("token_endpoint").asString()).startsWith(SsoFixture.idp().issuer());
        assertThat(r.raw()).doesNotContain(ONE_SECRET).doesNotContain("vbx1.");

        // Neither do the audit entries of setting it up.
        var audit = api.get("/api/v1/audit?action=sso&limit=100", api.token(ONE_ADMIN));
        assertThat(audit.raw()).contains("sso.configured").doesNotContain(ONE_SECRET).doesNotContain("vbx1.");
    }

    @Test
    void onlyAdminsOfTheTenantMayReadOrChangeIt() {
        String body = config(SsoFixture.idp().issuer(), "x", "y", "");
        for (String email : List.of("manager@demo.local", "exec@demo.local", "csr1@demo.local")) {
            String token = api.token(email);
            assertThat(api.get("/api/v1/sso", token).status()).as(email).isEqualTo(403);
            assertThat(put(token, body).status()).as(email).isEqualTo(403);
            assertThat(api.delete("/api/v1/sso", token).status()).as(email).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/sso", null).status()).isEqualTo(401);
        assertThat(put(null, body).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/sso", null).status()).isEqualTo(401);
        // A platform admin acting in the tenant sees it (and is audited for it).
        var root = api.send("GET", "/api/v1/sso", api.token("root@verbatim.local"), Map.of("X-Verbatim-Tenant", ONE), null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body().get("client_id").asString()).isEqualTo("client-" + ONE);
    }

    @Test
    void anotherTenantsAdminNeitherSeesNorChangesIt() {
        String acme = api.token("admin@acme.local");
        var read = api.get("/api/v1/sso", acme);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.raw()).doesNotContain(ONE).doesNotContain("client-");
        assertThat(api.delete("/api/v1/sso", acme).status()).isEqualTo(404);
        // Claiming ONE's e-mail domain for acme's provider is refused, and ONE keeps its configuration.
        var claim = put(acme, config(SsoFixture.idp().issuer(), "acme-client", "acme-secret", "\"" + ONE_DOMAIN + "\""));
        assertThat(claim.status()).isEqualTo(409);
        assertThat(claim.problemType()).isEqualTo("urn:verbatim:problem:sso-domain-taken");
        assertThat(api.get("/api/v1/sso", acme).status()).isEqualTo(404);
        var one = api.get("/api/v1/sso", api.token(ONE_ADMIN));
        assertThat(one.body().get("client_id").asString()).isEqualTo("client-" + ONE);
        // An admin naming another tenant is refused before anything is read.
        var named = api.send("GET", "/api/v1/sso", acme, Map.of("X-Verbatim-Tenant", ONE), null);
        assertThat(named.status()).isEqualTo(403);
    }

    @Test
    void aProviderWhoseDiscoveryDocumentCannotBeReadIsRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String acme = api.token("admin@acme.local");
        var unreachable = put(acme, config("http://127.0.0.1:" + closed + "/realms/x", "c", "s", ""));
        assertThat(unreachable.status()).isEqualTo(422);
        assertThat(unreachable.problemType()).isEqualTo("urn:verbatim:problem:sso-discovery-failed");
        assertThat(unreachable.raw()).doesNotContain("\"s\"");
        // An issuer that serves no discovery document (a bare JWKS host) is not an OpenID provider.
        var bare = put(acme, config(TestIdentityProvider.get().issuer(), "c", "s", ""));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.problemType()).isEqualTo("urn:verbatim:problem:sso-discovery-failed");
        // A discovery document that names another issuer (a copy of someone else's) is refused too.
        try (LocalHttpServer impostor = new LocalHttpServer()) {
            impostor.handle(request -> LocalHttpServer.Reply.json(200, """
                    {"issuer":"https://accounts.google.com","authorization_endpoint":"https://accounts.google.com/o/oauth2/v2/auth",
                     "token_endpoint":"https://oauth2.googleapis.com/token","jwks_uri":"https://www.googleapis.com/oauth2/v3/certs"}"""));
            var other = put(acme, config(impostor.url("/realms/x"), "c", "s", ""));
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.body().get("detail").asString()).contains("names issuer");
            assertThat(impostor.requests("/realms/x/.well-known/openid-configuration")).hasSize(1);
        }
        assertThat(api.get("/api/v1/sso", acme).status()).isEqualTo(404);
    }

    @Test
    void presetsAndSettingsAreValidated() {
        String acme = api.token("admin@acme.local");
        var keycloak = put(acme, """
                {"preset":"keycloak","issuer":"https://id.example.com/auth","client_id":"c","client_secret":"s"}""");
        assertThat(keycloak.status()).isEqualTo(400);
        assertThat(keycloak.problemType()).isEqualTo("urn:verbatim:problem:sso-invalid-issuer");
        var google = put(acme, """
                {"preset":"google","issuer":"https://evil.example.com","client_id":"c","client_secret":"s"}""");
        assertThat(google.status()).isEqualTo(400);
        assertThat(google.problemType()).isEqualTo("urn:verbatim:problem:sso-invalid-issuer");
        var plainHttp = put(acme, config("http://id.example.com/realms/a", "c", "s", ""));
        assertThat(plainHttp.problemType()).isEqualTo("urn:verbatim:problem:sso-invalid-issuer");
        var admin = put(acme, """
                {"preset":"custom","issuer":"%s","client_id":"c","client_secret":"s","default_role":"admin"}"""
                .formatted(SsoFixture.idp().issuer()));
        assertThat(admin.problemType()).isEqualTo("urn:verbatim:problem:sso-invalid-role");
        var noDomains = put(acme, """
                {"preset":"custom","issuer":"%s","client_id":"c","client_secret":"s","allow_user_creation":true}"""
                .formatted(SsoFixture.idp().issuer()));
        assertThat(noDomains.problemType()).isEqualTo("urn:verbatim:problem:sso-domains-required");
        var noSecret = put(acme, """
                {"preset":"custom","issuer":"%s","client_id":"c"}""".formatted(SsoFixture.idp().issuer()));
        assertThat(noSecret.status()).isEqualTo(400);
        assertThat(noSecret.body().get("detail").asString()).contains("client_secret");
        var badDomain = put(acme, config(SsoFixture.idp().issuer(), "c", "s", "\"not a domain\""));
        assertThat(badDomain.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/sso", acme).status()).isEqualTo(404);
    }

    @Test
    void aTenantReplacesItsProviderKeepingTheSecretAndRemovesIt() {
        String root = api.token("root@verbatim.local");
        String tenant = "sso-three-" + SUFFIX;
        String domain = "three-" + SUFFIX + ".example";
        api.post("/api/v1/tenants", root, "{\"id\":\"" + tenant + "\",\"name\":\"SSO Three\"}");
        SsoFixture.user(api, root, tenant, "admin@" + domain, "Three Admin", "admin", ApiClient.DEMO_PASSWORD);
        String admin = api.token("admin@" + domain);
        String issuer = SsoFixture.idp().issuer();

        var created = put(admin, config(issuer, "three", TWO_SECRET + "-three", "\"" + domain + "\""));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain(TWO_SECRET);
        var replaced = put(admin, """
                {"preset":"keycloak","issuer":"%s","client_id":"three-b","allow_user_creation":true,"default_role":"agent",
                 "default_agent_kind":"sales_rep","email_domains":["%s","@Sub.%s"]}""".formatted(issuer, domain, domain));
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(replaced.body().get("client_id").asString()).isEqualTo("three-b");
        assertThat(replaced.body().get("default_role").asString()).isEqualTo("agent");
        assertThat(replaced.body().get("default_agent_kind").asString()).isEqualTo("sales_rep");
        assertThat(replaced.body().get("email_domains").toString()).contains(domain).contains("sub." + domain);
        var audit = api.get("/api/v1/audit?action=sso&limit=10", admin);
        assertThat(audit.raw()).contains("sso.updated").contains("\"secret_changed\":false").doesNotContain(TWO_SECRET);

        // The sign-in page routes the domain here until the provider is removed.
        var start = api.send("POST", "/sso/start", null, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "organisation=x%40" + domain);
        assertThat(start.header("location")).contains("/oauth2/authorization/" + tenant);
        assertThat(api.delete("/api/v1/sso", admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/sso", admin).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/sso", admin).status()).isEqualTo(404);
        var after = api.send("POST", "/sso/start", null, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "organisation=x%40" + domain);
        assertThat(after.header("location")).endsWith("sso_error=not_configured");
        assertThat(api.get("/api/v1/audit?action=sso.deleted", admin).raw()).contains("sso.deleted");
    }
}
