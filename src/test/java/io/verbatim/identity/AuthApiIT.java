package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthApiIT extends PlatformTest {

    @Test
    void signInIssuesASignedTokenWithTheTenantAndRoleClaims() {
        var r = api.post("/api/v1/auth/login", null, "{\"email\":\"Manager@Demo.Local\",\"password\":\"verbatim-demo\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("token_type").asString()).isEqualTo("bearer");
        assertThat(r.body().get("expires_in").asLong()).isPositive();
        String token = r.body().get("access_token").asString();
        JsonNode claims = api.json().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.get("org_id").asString()).isEqualTo("demo-tenant");
        assertThat(claims.get("org_name").asString()).isEqualTo("Demo Company");
        assertThat(claims.get("email").asString()).isEqualTo("manager@demo.local");
        assertThat(claims.get("role").asString()).isEqualTo("manager");
        assertThat(claims.get("user_id").asString()).isNotBlank();

        var me = api.get("/api/v1/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("tenant_id").asString()).isEqualTo("demo-tenant");
        assertThat(me.body().get("tenant_name").asString()).isEqualTo("Demo Company");
        assertThat(me.body().get("role").asString()).isEqualTo("manager");
        assertThat(me.body().get("user_id").asString()).isEqualTo(claims.get("user_id").asString());
    }

    @Test
    void agentsCarryTheirKind() {
        var me = api.get("/api/v1/auth/me", api.token("rep1@demo.local"));
        assertThat(me.body().get("role").asString()).isEqualTo("agent");
        assertThat(me.body().get("agent_kind").asString()).isEqualTo("sales_rep");
    }

    @Test
    void wrongPasswordUnknownUserAndBadBodiesAreClearErrors() {
        var wrong = api.post("/api/v1/auth/login", null, "{\"email\":\"exec@demo.local\",\"password\":\"nope-nope-nope\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.problemType()).isEqualTo("urn:verbatim:problem:invalid-credentials");
        var unknown = api.post("/api/v1/auth/login", null, "{\"email\":\"nobody@nowhere.local\",\"password\":\"whatever-it-is\"}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.raw()).isEqualTo(wrong.raw().replace("exec@demo.local", "nobody@nowhere.local"));
        assertThat(api.post("/api/v1/auth/login", null, "{\"email\":\"exec@demo.local\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/auth/login", null, "[1,2").problemType()).isEqualTo("urn:verbatim:problem:malformed-body");
    }

    @Test
    void repeatedFailuresForOneEmailAreThrottledEvenWithTheRightPassword() {
        // Its own account: a locked-out demo user would break every other test that signs in as them.
        String email = "throttled-" + System.nanoTime() + "@demo.local";
        assertThat(api.post("/api/v1/users", api.token("admin@demo.local"), """
                {"email":"%s","name":"Throttled","role":"executive","password":"%s"}""".formatted(email, ApiClient.DEMO_PASSWORD))
                .status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"wrong-password-" + i + "\"}").status())
                    .isEqualTo(401);
        }
        var locked = api.post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.problemType()).isEqualTo("urn:verbatim:problem:login-throttled");
        // Other accounts are unaffected.
        assertThat(api.post("/api/v1/auth/login", null, "{\"email\":\"exec@demo.local\",\"password\":\"verbatim-demo\"}").status())
                .isEqualTo(200);
    }

    @Test
    void failedSignInsAreAudited() {
        api.post("/api/v1/auth/login", null, "{\"email\":\"rep1@demo.local\",\"password\":\"not-the-password\"}");
        var audit = api.get("/api/v1/audit?action=auth.login_failed", api.token("admin@demo.local"));
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.raw()).contains("rep1@demo.local").contains("bad_password");
    }

    @Test
    void tamperedExpiredOrForeignTokensAreRefused() {
        String token = api.token("exec@demo.local");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"executive\"", "\"admin\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(api.get("/api/v1/auth/me", forged).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "not-a-jwt").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", null).problemType()).isEqualTo("urn:verbatim:problem:unauthenticated");
    }

    @Test
    void aDeactivatedUsersTokenStopsWorkingAtOnce() {
        String admin = api.token("admin@demo.local");
        var created = api.post("/api/v1/users", admin,
                "{\"email\":\"leaver@demo.local\",\"name\":\"Leaver\",\"role\":\"executive\",\"password\":\"verbatim-demo\"}");
        assertThat(created.status()).isEqualTo(201);
        String token = api.token("leaver@demo.local");
        assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/users/" + created.body().get("id").asString(), admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(401);
        var again = api.post("/api/v1/auth/login", null, "{\"email\":\"leaver@demo.local\",\"password\":\"verbatim-demo\"}");
        assertThat(again.problemType()).isEqualTo("urn:verbatim:problem:account-disabled");
    }
}
