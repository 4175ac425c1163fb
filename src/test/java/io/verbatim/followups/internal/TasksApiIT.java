package io.verbatim.followups.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Tasks from analysed calls (once per natural key, whatever re-analysis does), "my tasks", roles and another tenant. */
class TasksApiIT extends PlatformTest {

    @Autowired
    TasksFromAnalysis fromAnalysis;

    @Test
    void aCallsActionItemsBecomeTheAgentsTasksOnceAndOnlyTheyAndTheirBossesSeeThem() {
        String admin = api.token("admin@demo.local");
        String csr1 = api.token("csr1@demo.local");
        String csr1Id = api.get("/api/v1/auth/me", csr1).body().get("user_id").asString();
        // csr_002: the CSR promised to e-mail rebate and financing information.
        String call = WebFixture.calls(api).get("csr_002");
        JsonNode analysis = api.get("/api/v1/conversations/" + call + "/analysis", admin).body();
        long agentItems = 0;
        for (JsonNode item : analysis.findValue("action_items")) {
            agentItems += "agent".equals(item.path("owner").asString()) ? 1 : 0;
        }
        assertThat(agentItems).as(analysis.findValue("action_items").toString()).isPositive();

        List<JsonNode> tasks = items(api.get("/api/v1/tasks?conversation_id=" + call, admin));
        assertThat(tasks).isNotEmpty();
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.get("assignee_id").asString()).isEqualTo(csr1Id);
            assertThat(t.get("assignee_kind").asString()).isEqualTo("csr");
            assertThat(t.get("origin").asString()).isEqualTo("analysis");
        });
        assertThat(tasks).anySatisfy(t -> assertThat(t.get("category").asString()).isEqualTo("send_info"));

        // Analysing again makes nothing new: the natural key (contact, category, due day) holds.
        int again = TenantContext.callAs(TenantId.of("demo-tenant"), () -> fromAnalysis.create(UUID.fromString(call)));
        assertThat(again).isZero();
        assertThat(items(api.get("/api/v1/tasks?conversation_id=" + call, admin))).hasSameSizeAs(tasks);

        String taskId = tasks.getFirst().get("id").asString();
        assertThat(ids(api.get("/api/v1/tasks/mine", csr1))).contains(taskId);
        assertThat(ids(api.get("/api/v1/tasks", csr1))).contains(taskId);
        assertThat(ids(api.get("/api/v1/tasks", api.token("csr2@demo.local")))).doesNotContain(taskId);
        assertThat(api.get("/api/v1/tasks/" + taskId, api.token("csr2@demo.local")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tasks/" + taskId, api.token("exec@demo.local")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tasks/" + taskId, api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/tasks?conversation_id=" + call, api.token("admin@acme.local")))).isEmpty();

        String done = "{\"status\":\"in_progress\"}";
        assertThat(api.patch("/api/v1/tasks/" + taskId, api.token("exec@demo.local"), done).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/tasks/" + taskId, api.token("csr2@demo.local"), done).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/tasks/" + taskId, api.token("admin@acme.local"), done).status()).isEqualTo(404);
        var patched = api.patch("/api/v1/tasks/" + taskId, csr1, done);
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body().get("status").asString()).isEqualTo("in_progress");
        assertThat(api.patch("/api/v1/tasks/" + taskId, csr1, "{\"status\":\"finished\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-task");
    }

    @Test
    void managersAssignTasksAgentsAddTheirOwnAndExecutivesOnlyRead() {
        String csr2 = api.token("csr2@demo.local");
        String csr2Id = api.get("/api/v1/auth/me", csr2).body().get("user_id").asString();
        var assigned = api.post("/api/v1/tasks", api.token("manager@demo.local"), """
                {"title":"Call back about the water heater","category":"callback","due_date":"2031-05-02","assignee_id":"%s"}"""
                .formatted(csr2Id));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(201);
        assertThat(assigned.body().get("assignee_kind").asString()).isEqualTo("csr");
        assertThat(ids(api.get("/api/v1/tasks?mine=true", csr2))).contains(assigned.body().get("id").asString());

        String rep = api.token("rep1@demo.local");
        String repId = api.get("/api/v1/auth/me", rep).body().get("user_id").asString();
        var own = api.post("/api/v1/tasks", rep, "{\"title\":\"Bring shingle samples\",\"assignee_id\":\"" + csr2Id + "\"}");
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.body().get("assignee_id").asString()).isEqualTo(repId);
        assertThat(own.body().get("assignee_kind").asString()).isEqualTo("sales_rep");

        assertThat(api.post("/api/v1/tasks", api.token("exec@demo.local"), "{\"title\":\"x\"}").status()).isEqualTo(403);
        // Another tenant's admin cannot assign to this tenant's people.
        assertThat(api.post("/api/v1/tasks", api.token("admin@acme.local"),
                "{\"title\":\"x\",\"assignee_id\":\"" + csr2Id + "\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-assignee");
    }

    static List<JsonNode> items(ApiClient.Response page) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.body().get("items").forEach(items::add);
        return items;
    }

    static List<String> ids(ApiClient.Response page) {
        return items(page).stream().map(t -> t.get("id").asString()).toList();
    }
}
