package io.verbatim.sso;

import static io.verbatim.sso.SsoFixture.ONE;
import static io.verbatim.sso.SsoFixture.ONE_ADMIN;
import static io.verbatim.sso.SsoFixture.ONE_DOMAIN;
import static io.verbatim.sso.SsoFixture.SUFFIX;
import static io.verbatim.sso.SsoFixture.TWO;
import static io.verbatim.sso.SsoFixture.TWO_ADMIN;
import static io.verbatim.sso.SsoFixture.TWO_DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole authorization-code flow against a real OpenID Connect provider (Spring Authorization Server running in
 * the test), driven over HTTP as a browser would: Verbatim's sign-in page, the provider's login form, the callback,
 * and the web session that follows. Also who is refused, and that one tenant's provider cannot sign into another.
 */
class SsoLoginIT extends PlatformTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private String base;

    @BeforeEach
    void fixture() {
        SsoFixture.ensure(api, port);
        base = SsoFixture.base(port);
    }

    /** Starts at the sign-in page's SSO form and goes through the provider's login form; returns Verbatim's last answer. */
    private HttpResponse<String> signIn(HttpBrowser browser, String organisation, String user) {
        HttpResponse<String> login = browser.follow(browser.post(base + "/sso/start",
                Map.of("organisation", organisation, "next", "/calls")), null);
        assertThat(login.statusCode()).as(String.join("\n", browser.visited)).isEqualTo(200);
        assertThat(login.uri().getPath()).isEqualTo("/realms/verbatim/login");
        return browser.follow(submitLogin(browser, login, user), null);
    }

    private HttpResponse<String> submitLogin(HttpBrowser browser, HttpResponse<String> login, String user) {
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).as(login.body()).isTrue();
        return browser.post(login.uri().toString(), Map.of("username", user + "-" + SUFFIX, "password", SsoFixture.PASSWORD,
                "_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2)));
    }

    private JsonNode me(HttpBrowser browser) {
        var r = api.send("GET", "/api/v1/auth/me", null, Map.of("Cookie", "verbatim_session=" + browser.cookie("verbatim_session")), null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private JsonNode audit(String adminEmail, String action) {
        var r = api.get("/api/v1/audit?action=" + action + "&limit=100", api.token(adminEmail));
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("items");
    }

    private static boolean hasEntry(JsonNode items, String email, String reason) {
        for (JsonNode item : items) {
            if (email.equals(item.path("actor_email").asString(""))
                    && (reason == null || reason.equals(item.path("detail").path("reason").asString("")))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aUserSignsInThroughTheTenantsProviderAndLandsWithAWebSession() {
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> done = signIn(browser, ONE, "ann");
        assertThat(done.uri().getPath()).as(String.join("\n", browser.visited)).isEqualTo("/login/oauth2/code/" + ONE);
        assertThat(done.statusCode()).isEqualTo(200);
        // A page of ours moves on, so the Strict session cookie goes with the next request.
        assertThat(done.body()).contains("id=\"sso-signed-in\"").contains("http-equiv=\"refresh\"").contains("url=/calls");
        assertThat(browser.cookieWithAttributes("verbatim_session").attributes())
                .contains("HttpOnly").contains("SameSite=Strict");
        assertThat(browser.cookie("verbatim_sso")).as("the pending sign-in is spent").isNull();

        JsonNode me = me(browser);
        assertThat(me.get("email").asString()).isEqualTo("ann@" + ONE_DOMAIN);
        assertThat(me.get("tenant_id").asString()).isEqualTo(ONE);
        assertThat(me.get("role").asString()).isEqualTo("manager");
        assertThat(me.get("auth_method").asString()).isEqualTo("sso");
        assertThat(browser.get(base + "/calls").statusCode()).isEqualTo(200);

        assertThat(hasEntry(audit(ONE_ADMIN, "auth.sso_login"), "ann@" + ONE_DOMAIN, null)).isTrue();
        assertThat(String.join("\n", browser.visited)).contains("/realms/verbatim/oauth2/authorize")
                .contains("/realms/verbatim/login");
    }

    @Test
    void theRedirectCarriesStatePkceAndNonceAndAnEmailRoutesByItsDomain() {
        HttpBrowser browser = new HttpBrowser();
        var start = browser.post(base + "/sso/start", Map.of("organisation", "Ann@" + ONE_DOMAIN.toUpperCase()));
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = HttpBrowser.location(start);
        assertThat(authorize.getPath()).isEqualTo("/oauth2/authorization/" + ONE);
        var redirect = browser.get(authorize.toString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String provider = HttpBrowser.location(redirect).toString();
        assertThat(provider).startsWith(SsoFixture.idp().issuer() + "/oauth2/authorize?")
                .contains("client_id=client-" + ONE).contains("response_type=code").contains("state=")
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("nonce=")
                .contains("scope=openid%20email%20profile").contains("login_hint=")
                .contains("redirect_uri=" + base + "/login/oauth2/code/" + ONE + "&");
        var pending = browser.cookieWithAttributes("verbatim_sso");
        assertThat(pending.attributes()).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/login/oauth2/code/");
        assertThat(pending.value()).doesNotContain("code_verifier").doesNotContain(ONE);

        var unknown = browser.post(base + "/sso/start", Map.of("organisation", "nobody-" + SUFFIX + "@nowhere.example"));
        assertThat(HttpBrowser.location(unknown).toString()).endsWith("/login?sso_error=not_configured");
        assertThat(browser.get(HttpBrowser.location(unknown).toString()).body())
                .contains("No single sign-on is set up for that organisation");
        assertThat(HttpBrowser.location(browser.post(base + "/sso/start", Map.of("organisation", "acme"))).toString())
                .as("a tenant without single sign-on").endsWith("sso_error=not_configured");
        for (String tenant : new String[] {"acme", "no-such-tenant", "Not_A_Slug"}) {
            var direct = browser.get(base + "/oauth2/authorization/" + tenant);
            assertThat(direct.statusCode()).as(tenant).isEqualTo(302);
            assertThat(HttpBrowser.location(direct).toString()).as(tenant).endsWith("/login?sso_error=not_configured");
        }
    }

    @Test
    void aSignInStartedAtTheSignInPageShowsTheSsoForm() {
        var page = new HttpBrowser().get(base + "/login?next=%2Fcalls");
        assertThat(page.body()).contains("action=\"/sso/start\"").contains("name=\"organisation\"")
                .contains("Sign in with single sign-on").contains("value=\"/calls\"");
    }

    @Test
    void anUnknownUserIsRefusedAndAuditedWhenTheTenantDoesNotCreateAccounts() {
        HttpBrowser browser = new HttpBrowser();
        var done = signIn(browser, ONE, "eve");
        assertThat(done.uri().toString()).endsWith("/login?sso_error=unknown_user");
        assertThat(done.body()).contains("has no account for that e-mail");
        assertThat(browser.cookie("verbatim_session")).isNull();
        assertThat(hasEntry(audit(ONE_ADMIN, "auth.sso_failed"), "eve@" + ONE_DOMAIN, "unknown_user")).isTrue();
        assertThat(api.get("/api/v1/users?q=eve", api.token(ONE_ADMIN)).raw()).doesNotContain("eve@");
    }

    @Test
    void aTenantThatAllowsItCreatesTheAccountWithItsDefaultRoleForItsDomainsOnly() {
        HttpBrowser browser = new HttpBrowser();
        var done = signIn(browser, TWO, "cid");
        assertThat(done.statusCode()).as(String.join("\n", browser.visited)).isEqualTo(200);
        JsonNode me = me(browser);
        assertThat(me.get("email").asString()).isEqualTo("cid@" + TWO_DOMAIN);
        assertThat(me.get("role").asString()).isEqualTo("executive");
        assertThat(me.get("tenant_id").asString()).isEqualTo(TWO);
        assertThat(me.get("name").asString()).isEqualTo("Cid Created");
        var users = api.get("/api/v1/users?q=cid", api.token(TWO_ADMIN));
        assertThat(users.raw()).contains("cid@" + TWO_DOMAIN);
        JsonNode created = audit(TWO_ADMIN, "user.created");
        assertThat(created.toString()).contains("cid@" + TWO_DOMAIN).contains("\"by\":\"sso\"");

        // Signing in again finds the account made the first time.
        HttpBrowser again = new HttpBrowser();
        assertThat(signIn(again, TWO, "cid").statusCode()).isEqualTo(200);
        assertThat(me(again).get("user_id").asString()).isEqualTo(me.get("user_id").asString());

        // Outside the tenant's e-mail domains nobody is created, whatever the provider says.
        HttpBrowser outsider = new HttpBrowser();
        assertThat(signIn(outsider, TWO, "fay").uri().toString()).endsWith("sso_error=unknown_user");
        assertThat(outsider.cookie("verbatim_session")).isNull();
        assertThat(api.get("/api/v1/users?q=fay", api.token(TWO_ADMIN)).raw()).doesNotContain("fay@");
    }

    @Test
    void deactivatedUsersAndUnverifiedEmailsAreRefused() {
        String root = api.token("root@verbatim.local");
        var ben = api.send("GET", "/api/v1/users?q=ben", root, Map.of("X-Verbatim-Tenant", ONE), null);
        String benId = ben.body().get("items").get(0).get("id").asString();
        assertThat(api.send("DELETE", "/api/v1/users/" + benId, root, Map.of("X-Verbatim-Tenant", ONE), null).status())
                .isEqualTo(204);
        HttpBrowser browser = new HttpBrowser();
        assertThat(signIn(browser, ONE, "ben").uri().toString()).endsWith("sso_error=user_deactivated");
        assertThat(browser.cookie("verbatim_session")).isNull();
        assertThat(hasEntry(audit(ONE_ADMIN, "auth.sso_failed"), "ben@" + ONE_DOMAIN, "user_deactivated")).isTrue();

        HttpBrowser unverified = new HttpBrowser();
        assertThat(signIn(unverified, ONE, "dee").uri().toString()).endsWith("sso_error=email_unverified");
        assertThat(unverified.cookie("verbatim_session")).isNull();
        assertThat(hasEntry(audit(ONE_ADMIN, "auth.sso_failed"), "dee@" + ONE_DOMAIN, "email_unverified")).isTrue();
    }

    @Test
    void anotherTenantsProviderCannotSignIntoThisTenant() {
        // Ann has an account in ONE only; TWO's provider vouching for her does not open ONE, nor create her in TWO.
        HttpBrowser browser = new HttpBrowser();
        assertThat(signIn(browser, TWO, "ann").uri().toString()).endsWith("sso_error=unknown_user");
        assertThat(browser.cookie("verbatim_session")).isNull();
        assertThat(hasEntry(audit(TWO_ADMIN, "auth.sso_failed"), "ann@" + ONE_DOMAIN, "unknown_user")).isTrue();

        // A code and state issued for TWO's client, delivered to ONE's callback, finish nothing.
        HttpBrowser swapper = new HttpBrowser();
        var login = swapper.follow(swapper.post(base + "/sso/start", Map.of("organisation", TWO)), null);
        var atCallback = swapper.follow(submitLogin(swapper, login, "cid"), "/login/oauth2/code/");
        URI callback = HttpBrowser.location(atCallback);
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/" + TWO);
        var swapped = swapper.get(base + "/login/oauth2/code/" + ONE + "?" + callback.getRawQuery());
        assertThat(HttpBrowser.location(swapped).toString()).contains("/login?sso_error=");
        assertThat(swapper.cookie("verbatim_session")).isNull();

        // Nor does a callback with no sign-in pending.
        HttpBrowser stranger = new HttpBrowser();
        var forged = stranger.get(base + "/login/oauth2/code/" + ONE + "?code=abc&state=xyz");
        assertThat(HttpBrowser.location(forged).toString()).endsWith("/login?sso_error=expired");
        assertThat(stranger.cookie("verbatim_session")).isNull();
    }
}
