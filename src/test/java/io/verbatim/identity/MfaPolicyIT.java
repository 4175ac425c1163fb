package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TotpCodes;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tenant's MFA policy: who must enrol, what they may reach until they do, and who may set it. */
class MfaPolicyIT extends PlatformTest {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Test
    void aRequiredSecondFactorLimitsCallersToEnrolmentUntilTheyHaveOne() {
        // Its own tenant: the policy must not reach the demo tenants other tests sign in to.
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "mfa-policy-" + suffix;
        String root = api.token("root@verbatim.local");
        assertThat(api.post("/api/v1/tenants", root, "{\"id\":\"" + tenant + "\",\"name\":\"MFA Policy " + suffix + "\"}").status())
                .isEqualTo(201);
        String adminEmail = "boss-" + suffix + "@policy.local";
        String agentEmail = "agent-" + suffix + "@policy.local";
        Map<String, String> inTenant = Map.of("X-Verbatim-Tenant", tenant);
        assertThat(api.send("POST", "/api/v1/users", root, inTenant, """
                {"email":"%s","name":"Boss","role":"admin","password":"%s"}""".formatted(adminEmail, ApiClient.DEMO_PASSWORD))
                .status()).isEqualTo(201);
        assertThat(api.send("POST", "/api/v1/users", root, inTenant, """
                {"email":"%s","name":"Agent","role":"agent","agent_kind":"csr","password":"%s"}"""
                .formatted(agentEmail, ApiClient.DEMO_PASSWORD)).status()).isEqualTo(201);
        String admin = login(adminEmail).get("access_token").asString();
        String agent = login(agentEmail).get("access_token").asString();

        // Only admins set it, through its own audited API; the generic settings PATCH refuses the key.
        assertThat(api.put("/api/v1/auth/mfa/policy", agent, "{\"required\":\"admins\"}").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/auth/mfa/policy", admin, "{\"required\":\"sometimes\"}").status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/settings", admin, "{\"mfa_required\":\"everyone\"}").problemType())
                .isEqualTo("urn:verbatim:problem:setting-owned-elsewhere");
        var set = api.put("/api/v1/auth/mfa/policy", admin, "{\"required\":\"admins\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("required").asString()).isEqualTo("admins");
        assertThat(api.get("/api/v1/settings", admin).status()).as("the admin has no second factor yet").isEqualTo(403);

        // The admin, not yet enrolled, reaches only enrolment and their sessions.
        var blocked = api.get("/api/v1/users", admin);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.problemType()).isEqualTo("urn:verbatim:problem:mfa-required");
        assertThat(api.get("/api/v1/auth/me", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/sessions", admin).status()).isEqualTo(200);
        var again = login(adminEmail);
        assertThat(again.get("mfa_enrolment_required").asBoolean()).isTrue();
        // In the browser, pages lead to the enrolment page.
        var web = api.send("POST", "/login", null, FORM, "email=" + adminEmail.replace("@", "%40") + "&password=" + ApiClient.DEMO_PASSWORD);
        assertThat(web.header("location")).endsWith("/settings/security?required");
        String cookie = web.header("set-cookie").substring(0, web.header("set-cookie").indexOf(';'));
        var page = api.send("GET", "/calls", null, Map.of("Cookie", cookie), null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("location")).endsWith("/settings/security?required");
        var security = api.send("GET", "/settings/security", null, Map.of("Cookie", cookie), null);
        assertThat(security.status()).isEqualTo(200);
        assertThat(security.raw()).contains("requires two-step sign-in").contains("Organisation policy");
        // The agent is not an admin: not covered.
        assertThat(api.get("/api/v1/conversations", agent).status()).isEqualTo(200);

        // Enrolling gives the session its second factor and opens everything again.
        var begun = api.post("/api/v1/auth/mfa/totp", admin, null);
        TotpCodes app = TotpCodes.fromUri(begun.body().get("otpauth_uri").asString()).freshStep();
        var confirmed = api.post("/api/v1/auth/mfa/totp/confirm", admin, "{\"code\":\"" + app.code(-1) + "\"}");
        assertThat(confirmed.status()).isEqualTo(200);
        String upgraded = confirmed.body().get("access_token").asString();
        assertThat(api.get("/api/v1/users", upgraded).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit?action=mfa.policy_changed", upgraded).raw()).contains("admins");
        // While the policy holds, the admin cannot turn it off.
        assertThat(api.post("/api/v1/auth/mfa/totp/disable", upgraded, "{\"code\":\"" + app.code(0) + "\"}").problemType())
                .isEqualTo("urn:verbatim:problem:mfa-required-by-policy");

        // Everyone: now the agent too; API keys are machines and stay unaffected.
        var key = api.post("/api/v1/api-keys", upgraded, "{\"name\":\"policy-key\",\"role\":\"manager\"}");
        assertThat(key.status()).isEqualTo(201);
        assertThat(api.put("/api/v1/auth/mfa/policy", upgraded, "{\"required\":\"everyone\"}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/conversations", agent).problemType()).isEqualTo("urn:verbatim:problem:mfa-required");
        assertThat(api.get("/api/v1/conversations", key.body().get("key").asString()).status()).isEqualTo(200);
        // Other tenants keep their own policy.
        assertThat(api.get("/api/v1/conversations", api.token("csr1@demo.local")).status()).isEqualTo(200);
    }

    private tools.jackson.databind.JsonNode login(String email) {
        var r = api.post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }
}
