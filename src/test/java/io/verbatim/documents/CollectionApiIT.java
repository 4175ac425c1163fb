package io.verbatim.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Collections and their read permissions. The service filters nothing itself: what a caller does not see here,
 * PostgreSQL's read policy hid.
 */
class CollectionApiIT extends PlatformTest {

    private String admin;

    @BeforeEach
    void tokens() {
        admin = api.token("admin@demo.local");
    }

    private String create(String name, String permissions) {
        var r = api.post("/api/v1/collections", admin, "{\"name\":\"" + name + " " + System.nanoTime() + "\",\"permissions\":" + permissions + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    private JsonNode me(String email) {
        return api.get("/api/v1/auth/me", api.token(email)).body();
    }

    private boolean sees(String email, String collectionId) {
        String token = api.token(email);
        boolean listed = api.get("/api/v1/collections?limit=500", token).raw().contains(collectionId);
        int status = api.get("/api/v1/collections/" + collectionId, token).status();
        assertThat(status).isEqualTo(listed ? 200 : 404);
        return listed;
    }

    @Test
    void a_collection_for_managers_is_read_by_managers_and_admins_only() {
        String id = create("Managers only", "{\"roles\":[\"manager\"]}");
        assertThat(sees("admin@demo.local", id)).isTrue();
        assertThat(sees("manager@demo.local", id)).isTrue();
        assertThat(sees("exec@demo.local", id)).isFalse();
        assertThat(sees("csr1@demo.local", id)).isFalse();
        var got = api.get("/api/v1/collections/" + id, api.token("manager@demo.local")).body();
        assertThat(got.get("permissions").get("roles").get(0).asString()).isEqualTo("manager");
    }

    @Test
    void teams_and_users_open_a_collection_to_their_members() {
        JsonNode csr = me("csr1@demo.local");
        String team = csr.get("team_id").asString();
        String byTeam = create("Support team", "{\"teams\":[\"" + team + "\"]}");
        assertThat(sees("csr1@demo.local", byTeam)).isTrue();
        assertThat(sees("csr2@demo.local", byTeam)).isTrue();
        assertThat(sees("rep1@demo.local", byTeam)).isFalse();

        String rep = me("rep1@demo.local").get("user_id").asString();
        String byUser = create("Riley only", "{\"users\":[\"" + rep + "\"]}");
        assertThat(sees("rep1@demo.local", byUser)).isTrue();
        assertThat(sees("csr1@demo.local", byUser)).isFalse();
        assertThat(sees("manager@demo.local", byUser)).isFalse();
    }

    @Test
    void no_permissions_means_admins_only() {
        String id = create("Admins", "{}");
        assertThat(sees("admin@demo.local", id)).isTrue();
        assertThat(sees("manager@demo.local", id)).isFalse();
    }

    @Test
    void only_admins_create_change_and_delete_collections() {
        String id = create("Everyone", "{\"roles\":[\"manager\",\"agent\",\"executive\"]}");
        String manager = api.token("manager@demo.local");
        assertThat(api.post("/api/v1/collections", manager, "{\"name\":\"Mine\"}").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/collections/" + id, manager, "{\"name\":\"Taken\"}").status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/collections/" + id, api.token("csr1@demo.local")).status()).isEqualTo(403);
        var bad = api.post("/api/v1/collections", admin, "{\"name\":\"X\",\"permissions\":{\"roles\":[\"boss\"]}}");
        assertThat(bad.problemType()).isEqualTo("urn:verbatim:problem:invalid-role");
        // Narrowing the permissions hides it from the agent at once.
        assertThat(sees("csr1@demo.local", id)).isTrue();
        assertThat(api.put("/api/v1/collections/" + id, admin, "{\"name\":\"Managers now " + System.nanoTime()
                + "\",\"permissions\":{\"roles\":[\"manager\"]}}").status()).isEqualTo(200);
        assertThat(sees("csr1@demo.local", id)).isFalse();
        assertThat(api.delete("/api/v1/collections/" + id, admin).status()).isEqualTo(204);
        assertThat(sees("admin@demo.local", id)).isFalse();
    }

    @Test
    void another_tenant_neither_sees_nor_changes_a_collection() {
        String id = create("Demo shared", "{\"roles\":[\"admin\",\"manager\",\"executive\",\"agent\"]}");
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/collections/" + id, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/collections?limit=500", acme).raw()).doesNotContain(id);
        assertThat(api.put("/api/v1/collections/" + id, acme, "{\"name\":\"Hijacked\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/collections/" + id, acme).status()).isEqualTo(404);
        assertThat(sees("admin@demo.local", id)).isTrue();
    }
}
