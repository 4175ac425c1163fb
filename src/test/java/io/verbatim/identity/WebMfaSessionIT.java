package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TotpCodes;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The web side over HTTP: the /login/totp step, the refresh cookie, renewal, sign-out and the Security page. */
class WebMfaSessionIT extends PlatformTest {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    /** {@code name=value} of a cookie among the response's Set-Cookie headers (null when not set). */
    static String cookie(ApiClient.Response r, String name) {
        String all = r.header("set-cookie");
        if (all == null || !all.contains(name + "=")) {
            return null;
        }
        String from = all.substring(all.indexOf(name + "="));
        return from.substring(0, from.indexOf(';'));
    }

    static String attributes(ApiClient.Response r, String name) {
        String all = r.header("set-cookie");
        String from = all.substring(all.indexOf(name + "="));
        int next = from.indexOf(", verbatim_");
        return next < 0 ? from : from.substring(0, next);
    }

    private Map<String, String> withCookies(String... cookies) {
        return Map.of("Cookie", String.join("; ", cookies), "Origin", api.base());
    }

    private String newUser(String role) {
        String email = "web-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.local";
        assertThat(api.post("/api/v1/users", api.token("admin@demo.local"), """
                {"email":"%s","name":"Web user","role":"%s","password":"%s"}""".formatted(email, role, ApiClient.DEMO_PASSWORD))
                .status()).isEqualTo(201);
        return email;
    }

    private ApiClient.Response formLogin(String email, String next) {
        return api.send("POST", "/login", null, FORM, "email=" + email.replace("@", "%40") + "&password=" + ApiClient.DEMO_PASSWORD
                + "&next=" + next.replace("/", "%2F"));
    }

    @Test
    void anEnrolledUserPassesTheCodePageBeforeGettingASession() {
        String email = newUser("executive");
        String token = api.post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD
                + "\"}").body().get("access_token").asString();
        TotpCodes app = TotpCodes.fromUri(api.post("/api/v1/auth/mfa/totp", token, null).body().get("otpauth_uri").asString())
                .freshStep();
        assertThat(api.post("/api/v1/auth/mfa/totp/confirm", token, "{\"code\":\"" + app.code(-1) + "\"}").status()).isEqualTo(200);

        var password = formLogin(email, "/calls");
        assertThat(password.status()).isEqualTo(302);
        assertThat(password.header("location")).contains("/login/totp?next=%2Fcalls");
        assertThat(cookie(password, "verbatim_session")).as("no session before the code").isNull();
        assertThat(attributes(password, "verbatim_mfa")).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/login/totp");
        String challenge = cookie(password, "verbatim_mfa");

        assertThat(api.send("GET", "/login/totp?next=%2Fcalls", null, Map.of("Cookie", challenge), null).raw())
                .contains("action=\"/login/totp\"").contains("one-time-code");
        assertThat(api.get("/login/totp", null).header("location")).as("no challenge: back to the password").endsWith("/login");

        var wrong = api.send("POST", "/login/totp", null, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Cookie", challenge, "Origin", api.base()), "code=000000&next=%2Fcalls");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.raw()).contains("not right");

        var done = api.send("POST", "/login/totp", null, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Cookie", challenge, "Origin", api.base()), "code=" + app.code(0) + "&next=%2Fcalls");
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("location")).endsWith("/calls");
        assertThat(attributes(done, "verbatim_session")).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/;");
        assertThat(attributes(done, "verbatim_refresh")).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/login/refresh");
        var me = api.send("GET", "/api/v1/auth/me", null, Map.of("Cookie", cookie(done, "verbatim_session")), null);
        assertThat(me.body().get("factors").toString()).contains("FACTOR_TOTP");
    }

    @Test
    void theRefreshCookieRenewsThePageSessionAndSignOutEndsIt() {
        String email = newUser("executive");
        var login = formLogin(email, "/");
        String session = cookie(login, "verbatim_session");
        String refresh = cookie(login, "verbatim_refresh");
        assertThat(session).isNotNull();
        assertThat(refresh).startsWith("verbatim_refresh=vbr_");

        var renewed = api.send("GET", "/login/refresh?next=%2Fcalls", null, Map.of("Cookie", refresh), null);
        assertThat(renewed.status()).isEqualTo(302);
        assertThat(renewed.header("location")).endsWith("/calls");
        String newSession = cookie(renewed, "verbatim_session");
        String newRefresh = cookie(renewed, "verbatim_refresh");
        assertThat(newRefresh).isNotEqualTo(refresh);
        assertThat(api.send("GET", "/calls", null, Map.of("Cookie", newSession), null).status()).isEqualTo(200);
        // A script's renewal: 204 and new cookies.
        var scripted = api.send("POST", "/login/refresh", null, withCookies(newSession, newRefresh), null);
        assertThat(scripted.status()).isEqualTo(204);
        String latestSession = cookie(scripted, "verbatim_session");

        // Sign-out revokes the session itself: its access token stops working, even if a copy was kept.
        var out = api.send("POST", "/logout", null, withCookies(latestSession), null);
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("set-cookie")).contains("verbatim_session=;").contains("verbatim_refresh=;");
        assertThat(api.send("GET", "/api/v1/auth/me", null, Map.of("Cookie", latestSession), null).status()).isEqualTo(401);
        // A page with the dead session's cookie tries a renewal, which fails and asks for the password.
        var page = api.send("GET", "/calls", null, Map.of("Cookie", latestSession), null);
        assertThat(page.header("location")).contains("/login/refresh?next=%2Fcalls");
        var failed = api.send("GET", "/login/refresh?next=%2Fcalls", null, Map.of("Cookie", cookie(scripted, "verbatim_refresh")), null);
        assertThat(failed.header("location")).contains("/login?next=%2Fcalls");
        assertThat(failed.header("set-cookie")).contains("Max-Age=0");
    }

    @Test
    void theSecurityPageServesEveryUserAndShowsThePolicyToAdminsOnly() {
        Map<String, String> html = Map.of("Accept", "text/html");
        var agent = api.send("GET", "/settings/security", api.token("csr1@demo.local"), html, null);
        assertThat(agent.status()).isEqualTo(200);
        assertThat(agent.raw()).contains("Two-step sign-in").contains("Your sessions").contains("/js/settings-security.js")
                .doesNotContain("Organisation policy").doesNotContain("settings-nav");
        var admin = api.send("GET", "/settings/security", api.token("admin@demo.local"), html, null);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.raw()).contains("Organisation policy").contains("settings-nav").contains("href=\"/settings/security\"");
        assertThat(api.get("/settings/security", null).header("location")).contains("/login");
    }
}
