package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import org.junit.jupiter.api.Test;

class UserApiIT extends PlatformTest {

    private String admin() {
        return api.token("admin@demo.local");
    }

    @Test
    void anAdminCreatesReadsUpdatesAndDeactivatesUsers() {
        String team = api.post("/api/v1/teams", admin(), "{\"name\":\"Night Shift\"}").body().get("id").asString();
        var created = api.post("/api/v1/users", admin(), """
                {"email":"new.agent@demo.local","name":"New Agent","role":"agent","agent_kind":"csr",
                 "team_id":"%s","password":"a-long-enough-password"}""".formatted(team));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain("password");
        String id = created.body().get("id").asString();

        var read = api.get("/api/v1/users/" + id, admin());
        assertThat(read.body().get("team_id").asString()).isEqualTo(team);
        assertThat(read.body().get("agent_kind").asString()).isEqualTo("csr");

        var promoted = api.patch("/api/v1/users/" + id, admin(), "{\"role\":\"manager\",\"name\":\"Now Manager\"}");
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.body().get("role").asString()).isEqualTo("manager");
        assertThat(promoted.body().has("agent_kind")).isFalse();

        var filtered = api.get("/api/v1/users?role=manager&q=now", admin());
        assertThat(filtered.raw()).contains(id);

        assertThat(api.delete("/api/v1/users/" + id, admin()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/" + id, admin()).body().get("active").asBoolean()).isFalse();

        var audit = api.get("/api/v1/audit?action=user", admin()).raw();
        assertThat(audit).contains("user.created").contains("user.role_changed").contains(id);
    }

    @Test
    void duplicateEmailsUnknownRolesAndMissingFieldsAreClear4xx() {
        var dup = api.post("/api/v1/users", admin(), "{\"email\":\"CSR1@demo.local\",\"name\":\"Dup\",\"role\":\"executive\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.problemType()).isEqualTo("urn:verbatim:problem:duplicate-email");

        var role = api.post("/api/v1/users", admin(), "{\"email\":\"w@demo.local\",\"name\":\"W\",\"role\":\"wizard\"}");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.problemType()).isEqualTo("urn:verbatim:problem:invalid-role");

        var missing = api.post("/api/v1/users", admin(), "{\"name\":\"No Email\",\"role\":\"manager\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemType()).isEqualTo("urn:verbatim:problem:validation");
        assertThat(missing.raw()).contains("email");

        var kind = api.post("/api/v1/users", admin(), "{\"email\":\"k@demo.local\",\"name\":\"K\",\"role\":\"agent\"}");
        assertThat(kind.problemType()).isEqualTo("urn:verbatim:problem:agent-kind-required");

        var weak = api.post("/api/v1/users", admin(), "{\"email\":\"p@demo.local\",\"name\":\"P\",\"role\":\"manager\",\"password\":\"short\"}");
        assertThat(weak.problemType()).isEqualTo("urn:verbatim:problem:weak-password");

        var email = api.post("/api/v1/users", admin(), "{\"email\":\"not-an-email\",\"name\":\"E\",\"role\":\"manager\"}");
        assertThat(email.problemType()).isEqualTo("urn:verbatim:problem:invalid-email");

        var team = api.post("/api/v1/users", admin(), "{\"email\":\"t@demo.local\",\"name\":\"T\",\"role\":\"manager\",\"team_id\":\"00000000-0000-0000-0000-000000000000\"}");
        assertThat(team.problemType()).isEqualTo("urn:verbatim:problem:unknown-team");

        assertThat(api.get("/api/v1/users/not-a-uuid", admin()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/00000000-0000-0000-0000-000000000000", admin()).status()).isEqualTo(404);
    }

    @Test
    void anAdminCannotCreateOrBecomeAPlatformAdmin() {
        var create = api.post("/api/v1/users", admin(), "{\"email\":\"god@demo.local\",\"name\":\"God\",\"role\":\"platform_admin\"}");
        assertThat(create.status()).isEqualTo(403);
        String me = api.get("/api/v1/auth/me", admin()).body().get("user_id").asString();
        assertThat(api.patch("/api/v1/users/" + me, admin(), "{\"role\":\"platform_admin\"}").status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/users/" + me, admin(), "{\"active\":false}").problemType())
                .isEqualTo("urn:verbatim:problem:cannot-deactivate-self");
    }

    @Test
    void nonAdminRolesCannotListOrChangeUsers() {
        for (String email : new String[] {"csr1@demo.local", "manager@demo.local", "exec@demo.local"}) {
            String token = api.token(email);
            assertThat(api.get("/api/v1/users", token).status()).as(email).isEqualTo(403);
            assertThat(api.post("/api/v1/users", token, "{\"email\":\"z@demo.local\",\"name\":\"Z\",\"role\":\"admin\"}").status())
                    .as(email).isEqualTo(403);
            assertThat(api.get("/api/v1/audit", token).status()).as(email).isEqualTo(403);
            assertThat(api.get("/api/v1/api-keys", token).status()).as(email).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/teams", api.token("csr1@demo.local")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/teams", api.token("manager@demo.local")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/teams", api.token("manager@demo.local"), "{\"name\":\"Mine\"}").status()).isEqualTo(403);
    }

    @Test
    void teamsHaveUniqueNamesAndDeletingOneKeepsItsMembers() {
        var team = api.post("/api/v1/teams", admin(), "{\"name\":\"Escalations\"}");
        assertThat(team.status()).isEqualTo(201);
        String id = team.body().get("id").asString();
        assertThat(api.post("/api/v1/teams", admin(), "{\"name\":\"escalations\"}").problemType())
                .isEqualTo("urn:verbatim:problem:duplicate-team");
        var member = api.post("/api/v1/users", admin(), """
                {"email":"esc@demo.local","name":"Esc","role":"agent","agent_kind":"csr","team_id":"%s"}""".formatted(id));
        assertThat(api.get("/api/v1/teams/" + id, admin()).body().get("members").asInt()).isEqualTo(1);
        assertThat(api.patch("/api/v1/teams/" + id, admin(), "{\"name\":\"Tier 2\"}").body().get("name").asString()).isEqualTo("Tier 2");
        assertThat(api.delete("/api/v1/teams/" + id, admin()).status()).isEqualTo(204);
        var user = api.get("/api/v1/users/" + member.body().get("id").asString(), admin());
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body().has("team_id")).isFalse();
    }
}
