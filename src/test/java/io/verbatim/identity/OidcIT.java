package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestIdentityProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens from an external OIDC issuer, verified by its JWKS, mapped to existing tenants and users only. */
class OidcIT extends PlatformTest {

    private final TestIdentityProvider idp = TestIdentityProvider.get();

    @Test
    void aClerkStyleTokenForAKnownOrganisationAndUserIsAccepted() {
        String token = idp.token(Map.of("sub", "user_2abc", "org_id", "demo-tenant", "email", "manager@demo.local"));
        var me = api.get("/api/v1/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("auth_method").asString()).isEqualTo("oidc");
        assertThat(me.body().get("role").asString()).isEqualTo("manager");
        assertThat(me.body().get("tenant_id").asString()).isEqualTo("demo-tenant");
    }

    @Test
    void aClerkV2OrganisationClaimAndACognitoCustomClaimAreUnderstood() {
        String v2 = idp.token(Map.of("sub", "user_x", "o", Map.of("id", "acme", "rol", "admin"), "email", "admin@acme.local"));
        assertThat(api.get("/api/v1/auth/me", v2).body().get("tenant_id").asString()).isEqualTo("acme");
        String cognito = idp.token(Map.of("sub", "aaaa-bbbb", "custom:org_id", "demo-tenant", "email", "exec@demo.local",
                "cognito:username", "evelyn"));
        assertThat(api.get("/api/v1/auth/me", cognito).body().get("email").asString()).isEqualTo("exec@demo.local");
    }

    @Test
    void anExternalOrganisationIdIsMappedToItsTenant() {
        String root = api.token("root@verbatim.local");
        api.post("/api/v1/tenants", root, "{\"id\":\"initech\",\"name\":\"Initech\",\"external_org_id\":\"org_2Initech\"}");
        api.send("POST", "/api/v1/users", root, Map.of("X-Verbatim-Tenant", "initech"),
                "{\"email\":\"bill@initech.local\",\"name\":\"Bill\",\"role\":\"admin\",\"external_subject\":\"user_bill\"}");
        String token = idp.token(Map.of("sub", "user_bill", "org_id", "org_2Initech"));
        var me = api.get("/api/v1/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("email").asString()).isEqualTo("bill@initech.local");
    }

    @Test
    void unknownTenantsAndUsersAreRefusedNotCreated() {
        assertThat(api.get("/api/v1/auth/me", idp.token(Map.of("sub", "u1", "org_id", "org_unknown", "email", "admin@demo.local")))
                .status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", idp.token(Map.of("sub", "u2", "org_id", "demo-tenant", "email", "stranger@demo.local")))
                .status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", idp.token(Map.of("sub", "u3", "email", "admin@demo.local"))).status()).isEqualTo(401);
        var users = api.get("/api/v1/users?q=stranger", api.token("admin@demo.local"));
        assertThat(users.raw()).doesNotContain("stranger");
    }

    @Test
    void aUserCannotReachAnotherTenantByNamingItInTheToken() {
        // The user exists in demo-tenant only; an org claim of acme does not find them there.
        String token = idp.token(Map.of("sub", "u4", "org_id", "acme", "email", "manager@demo.local"));
        assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(401);
    }
}
