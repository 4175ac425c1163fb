package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web UI's sign-in, session cookie, cross-site guard and sign-out. */
class WebSessionIT extends PlatformTest {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieThatCarriesTheIdentity() {
        assertThat(api.get("/", null).status()).isEqualTo(302);
        assertThat(api.get("/", null).header("location")).contains("/login");
        var page = api.get("/login", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("<form").contains("password");

        var login = api.send("POST", "/login", null, FORM, "email=exec%40demo.local&password=verbatim-demo&next=%2F");
        assertThat(login.status()).isEqualTo(302);
        String setCookie = login.header("set-cookie");
        assertThat(setCookie).contains("verbatim_session=").contains("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        var home = api.send("GET", "/", null, Map.of("Cookie", cookie), null);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.raw()).contains("Evelyn Exec").contains("Demo Company");
        var me = api.send("GET", "/api/v1/auth/me", null, Map.of("Cookie", cookie), null);
        assertThat(me.body().get("email").asString()).isEqualTo("exec@demo.local");

        // A state-changing request riding on the cookie must come from our own origin.
        var forged = api.send("POST", "/api/v1/teams", null, Map.of("Cookie", cookie, "Origin", "https://evil.example"), "{\"name\":\"x\"}");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.problemType()).isEqualTo("urn:verbatim:problem:cross-site-request");

        var logout = api.send("POST", "/logout", null, Map.of("Cookie", cookie, "Origin", api.base()), null);
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("set-cookie")).contains("Max-Age=0");
    }

    @Test
    void aFailedSignInShowsTheFormAgainWithAMessage() {
        var r = api.send("POST", "/login", null, FORM, "email=exec%40demo.local&password=wrong-password");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.raw()).contains("not right").contains("exec@demo.local");
    }

    @Test
    void theNextParameterCannotRedirectOffSite() {
        var r = api.send("POST", "/login", null, FORM, "email=exec%40demo.local&password=verbatim-demo&next=%2F%2Fevil.example");
        assertThat(r.header("location")).doesNotContain("evil");
    }
}
