package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TotpCodes;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** TOTP two-step sign-in over the API: enrolment, the second step, recovery codes, limits, audit and disabling. */
class MfaApiIT extends PlatformTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** A fresh user of the demo tenant (their own, so locks and single-use codes touch nobody else). */
    private String newUser(String role) {
        String email = "mfa-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.local";
        var created = api.post("/api/v1/users", api.token("admin@demo.local"), """
                {"email":"%s","name":"MFA user","role":"%s","password":"%s"}""".formatted(email, role, ApiClient.DEMO_PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        return email;
    }

    private ApiClient.Response login(String email) {
        return api.post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
    }

    private ApiClient.Response second(String challenge, String code) {
        return api.post("/api/v1/auth/mfa", null, "{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}");
    }

    /** Enrols the user (codes -1 used) and returns their authenticator and recovery codes. */
    private Enrolled enrol(String email) {
        String token = login(email).body().get("access_token").asString();
        var begun = api.post("/api/v1/auth/mfa/totp", token, null);
        assertThat(begun.status()).isEqualTo(200);
        TotpCodes app = TotpCodes.fromUri(begun.body().get("otpauth_uri").asString()).freshStep();
        var confirmed = api.post("/api/v1/auth/mfa/totp/confirm", token, "{\"code\":\"" + app.code(-1) + "\"}");
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.body().get("recovery_codes").forEach(c -> codes.add(c.asString()));
        return new Enrolled(app, codes, confirmed.body());
    }

    private record Enrolled(TotpCodes app, List<String> recoveryCodes, JsonNode confirmation) {
    }

    @Test
    void enrolmentConfirmsWithACodeAndSignInThenTakesASecondStep() {
        String email = newUser("manager");
        String token = login(email).body().get("access_token").asString();
        var begun = api.post("/api/v1/auth/mfa/totp", token, null);
        assertThat(begun.status()).isEqualTo(200);
        String uri = begun.body().get("otpauth_uri").asString();
        assertThat(uri).startsWith("otpauth://totp/Verbatim:" + email.replace("@", "%40") + "?secret=").contains("&issuer=Verbatim");
        assertThat(begun.body().get("qr_svg").asString()).startsWith("<svg").endsWith("</svg>");
        assertThat(api.get("/api/v1/auth/mfa/totp", token).body().get("pending").asBoolean()).isTrue();

        // Not on until confirmed: sign-in still needs only the password.
        assertThat(login(email).body().get("mfa_required").asBoolean()).isFalse();

        // The seed is sealed at rest (never the Base32 text the app got).
        String secret = uri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1");
        String stored = TenantContext.callAs(new TenantId("demo-tenant"), () -> new TransactionTemplate(transactions).execute(tx ->
                jdbc.sql("SELECT t.sealed_secret FROM mfa_totp t JOIN users u ON u.id = t.user_id WHERE u.email = ?")
                        .param(email).query(String.class).single()));
        assertThat(stored).startsWith("vbx1.").doesNotContain(secret);

        TotpCodes app = TotpCodes.fromUri(uri).freshStep();
        var wrong = api.post("/api/v1/auth/mfa/totp/confirm", token, "{\"code\":\"000000\"}".replace("000000",
                app.code(-1).equals("000000") ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.problemType()).isEqualTo("urn:verbatim:problem:invalid-code");
        var confirmed = api.post("/api/v1/auth/mfa/totp/confirm", token, "{\"code\":\"" + app.code(-1) + "\"}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().get("recovery_codes")).hasSize(10);
        assertThat(confirmed.body().get("access_token").asString()).isNotBlank();
        var status = api.get("/api/v1/auth/mfa/totp", token).body();
        assertThat(status.get("enrolled").asBoolean()).isTrue();
        assertThat(status.get("recovery_codes_left").asInt()).isEqualTo(10);
        // Neither the seed nor the codes come back after enrolment.
        assertThat(status.toString()).doesNotContain(secret).doesNotContain(confirmed.body().get("recovery_codes").get(0).asString());
        assertThat(api.post("/api/v1/auth/mfa/totp", token, null).problemType()).isEqualTo("urn:verbatim:problem:mfa-already-enrolled");

        // Sign-in: a challenge and no tokens, then the code.
        var first = login(email);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("mfa_required").asBoolean()).isTrue();
        assertThat(first.body().has("access_token")).isFalse();
        assertThat(first.body().has("refresh_token")).isFalse();
        String challenge = first.body().get("challenge").asString();
        assertThat(second(challenge, app.code(-1)).problemType()).as("a code already used is refused")
                .isEqualTo("urn:verbatim:problem:invalid-code");
        var done = second(challenge, app.code(0));
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        assertThat(done.body().get("refresh_token").asString()).startsWith("vbr_");
        var me = api.get("/api/v1/auth/me", done.body().get("access_token").asString()).body();
        assertThat(me.get("email").asString()).isEqualTo(email);
        List<String> factors = new ArrayList<>();
        me.get("factors").forEach(f -> factors.add(f.asString()));
        assertThat(factors).containsExactlyInAnyOrder("FACTOR_PASSWORD", "FACTOR_TOTP");
        // The challenge is spent with its sign-in.
        assertThat(second(challenge, app.code(1)).problemType()).isEqualTo("urn:verbatim:problem:invalid-challenge");
        // Single use within the window: the same code on a new challenge is refused.
        assertThat(second(login(email).body().get("challenge").asString(), app.code(0)).status()).isEqualTo(401);

        var audit = api.get("/api/v1/audit?action=mfa&limit=200", api.token("admin@demo.local")).raw();
        assertThat(audit).contains("mfa.enrolment_started").contains("mfa.enrolled").contains("mfa.failed").contains(email);
        assertThat(audit).doesNotContain(secret);
    }

    @Test
    void aRecoveryCodeSignsInOnceInsteadOfTheApp() {
        String email = newUser("executive");
        Enrolled enrolled = enrol(email);
        String code = enrolled.recoveryCodes().get(3);
        assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        var done = second(login(email).body().get("challenge").asString(), code.toLowerCase());
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        var again = second(login(email).body().get("challenge").asString(), code);
        assertThat(again.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/mfa/totp", done.body().get("access_token").asString()).body()
                .get("recovery_codes_left").asInt()).isEqualTo(9);
        assertThat(api.get("/api/v1/audit?action=mfa.recovery_code_used", api.token("admin@demo.local")).raw()).contains(email);
    }

    @Test
    void wrongCodesAreLimitedPerUserAndAudited() {
        String email = newUser("executive");
        Enrolled enrolled = enrol(email);
        String challenge = login(email).body().get("challenge").asString();
        for (int i = 0; i < 5; i++) {
            var wrong = second(challenge, "00000" + i);
            assertThat(wrong.status()).isEqualTo(401);
        }
        // The challenge has had its tries; a new one is refused too, even with the right code, until the window passes.
        assertThat(second(challenge, enrolled.app().code(0)).problemType()).isEqualTo("urn:verbatim:problem:invalid-challenge");
        var locked = second(login(email).body().get("challenge").asString(), enrolled.app().code(0));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.problemType()).isEqualTo("urn:verbatim:problem:mfa-throttled");
        String audit = api.get("/api/v1/audit?action=mfa&limit=200", api.token("admin@demo.local")).raw();
        assertThat(audit).contains("mfa.throttled").contains("mfa.failed");
        // A bad or made-up challenge gets nowhere.
        assertThat(second("vbm_made-up", "123456").problemType()).isEqualTo("urn:verbatim:problem:invalid-challenge");
    }

    @Test
    void disablingNeedsAFreshCode() {
        String email = newUser("manager");
        Enrolled enrolled = enrol(email);
        String token = enrolled.confirmation().get("access_token").asString();
        assertThat(api.post("/api/v1/auth/mfa/totp/disable", token, "{\"code\":\"" + enrolled.app().code(-1) + "\"}").status())
                .as("the code used to confirm is spent").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/mfa/totp/disable", token, "{\"code\":\"" + enrolled.app().code(0) + "\"}").status())
                .isEqualTo(204);
        assertThat(login(email).body().get("mfa_required").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/audit?action=mfa.disabled", api.token("admin@demo.local")).raw()).contains(email);
    }

    @Test
    void anAdminResetsAUsersAuthenticatorOnlyInTheirOwnTenant() {
        String email = newUser("executive");
        enrol(email);
        String userId = api.get("/api/v1/users?q=" + email, api.token("admin@demo.local")).body().get("items").get(0).get("id").asString();
        assertThat(api.delete("/api/v1/users/" + userId + "/mfa", api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/users/" + userId + "/mfa", api.token("manager@demo.local")).status()).isEqualTo(403);
        assertThat(login(email).body().get("mfa_required").asBoolean()).isTrue();
        assertThat(api.delete("/api/v1/users/" + userId + "/mfa", api.token("admin@demo.local")).status()).isEqualTo(204);
        assertThat(login(email).body().get("mfa_required").asBoolean()).isFalse();
    }
}
