package io.verbatim.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/flags} over HTTP: who sees and changes what, tenant against tenant, the precedence as the API
 * reports it, audit entries, and a change made by another node reaching this one's cache.
 */
class FeatureFlagsIT extends PlatformTest {

    private static final String ROOT = "root@verbatim.local";
    private final String key = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTestFlag() {
        api.delete("/api/v1/flags/" + key, api.token(ROOT));
    }

    private ApiClient.Response put(String path, String token, String body) {
        return api.send("PUT", path, token, Map.of(), body);
    }

    private ApiClient.Response asTenant(String method, String path, String tenant, String body) {
        return api.send(method, path, api.token(ROOT), Map.of("X-Verbatim-Tenant", tenant), body);
    }

    private String definition(String defaultVariant, Integer rollout, boolean allowOverride, String targeting) {
        return """
                {"description":"A test flag","type":"boolean","variants":{"on":true,"off":false},"default_variant":"%s",
                 "rollout_percent":%s,"rollout_variant":%s,"allow_tenant_override":%s,"targeting":%s}"""
                .formatted(defaultVariant, rollout, rollout == null ? "null" : "\"on\"", allowOverride, targeting);
    }

    private static JsonNode item(ApiClient.Response list, String key) {
        for (JsonNode f : list.body()) {
            if (f.get("key").asString().equals(key)) {
                return f;
            }
        }
        throw new AssertionError("no flag " + key + " in " + list.raw());
    }

    @Test
    void adminsSeeEveryGateEvaluatedForTheirTenantAndOthersAreRefused() {
        var list = api.get("/api/v1/flags", api.token("admin@demo.local"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().isArray()).isTrue();
        for (String gate : List.of(FlagKeys.ASK, FlagKeys.ASK_LLM_ANSWERS, FlagKeys.LLM_JUDGE, FlagKeys.CALL_REASON_TAXONOMY,
                FlagKeys.AUDIO_REDACTION, FlagKeys.EVALUATION, FlagKeys.QA_CONFIG_PREVIEW, FlagKeys.OUTBOUND_WEBHOOKS,
                FlagKeys.CALLS_CSV_EXPORT, FlagKeys.NEEDS_REVIEW_FILTER)) {
            JsonNode f = item(list, gate);
            assertThat(f.get("description").asString()).as(gate).isNotBlank();
            assertThat(f.get("value").asBoolean()).as(gate).isTrue();
            // Rules that name users of any tenant are the platform's business.
            assertThat(f.has("targeting")).as(gate).isFalse();
            assertThat(f.has("rollout_percent")).as(gate).isFalse();
        }
        assertThat(item(list, FlagKeys.OUTBOUND_WEBHOOKS).get("can_override").asBoolean()).isFalse();
        assertThat(item(list, FlagKeys.EVALUATION).get("can_override").asBoolean()).isTrue();
        assertThat(item(api.get("/api/v1/flags", api.token(ROOT)), FlagKeys.ASK).get("seeded").asBoolean()).isTrue();

        for (String email : List.of("manager@demo.local", "exec@demo.local", "csr1@demo.local")) {
            String token = api.token(email);
            assertThat(api.get("/api/v1/flags", token).status()).as(email).isEqualTo(403);
            assertThat(put("/api/v1/flags/" + FlagKeys.EVALUATION + "/override", token, "{\"value\":false}").status())
                    .as(email).isEqualTo(403);
            assertThat(api.delete("/api/v1/flags/" + FlagKeys.EVALUATION + "/override", token).status()).as(email).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/flags", null).status()).isEqualTo(401);
    }

    @Test
    void onlyPlatformAdminsDefineFlagsAndEveryDefinitionChangeIsAudited() {
        String admin = api.token("admin@demo.local");
        var refused = put("/api/v1/flags/" + key, admin, definition("off", null, true, "[]"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/flags/" + key, admin).status()).isEqualTo(404);

        String root = api.token(ROOT);
        var created = put("/api/v1/flags/" + key, root, definition("off", null, true, "[]"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("value").asBoolean()).isFalse();
        assertThat(created.body().get("reason").asString()).isEqualTo("DEFAULT");
        var updated = put("/api/v1/flags/" + key, root, definition("on", null, true, "[]"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("value").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/flags/" + key, admin).body().get("value").asBoolean()).isTrue();

        var invalid = put("/api/v1/flags/" + key, root, "{\"description\":\"x\",\"type\":\"boolean\",\"variants\":{\"on\":1},"
                + "\"default_variant\":\"on\",\"rollout_percent\":150}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problemType()).isEqualTo("urn:verbatim:problem:invalid-flag");
        assertThat(invalid.body().get("errors").has("variants")).isTrue();
        assertThat(invalid.body().get("errors").has("rollout_percent")).isTrue();

        var seeded = api.delete("/api/v1/flags/" + FlagKeys.EVALUATION, root);
        assertThat(seeded.status()).isEqualTo(409);
        assertThat(seeded.problemType()).isEqualTo("urn:verbatim:problem:flag-seeded");
        assertThat(api.delete("/api/v1/flags/" + key, admin).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/flags/" + key, root).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/flags/" + key, root).status()).isEqualTo(404);

        // Definitions belong to no tenant: their changes are in the operator's log, by the platform admin.
        var log = api.get("/api/v1/audit?action=flags", root);
        List<String> actions = new java.util.ArrayList<>();
        for (JsonNode e : log.body().get("items")) {
            if (key.equals(e.get("target_id").asString())) {
                actions.add(e.get("action").asString());
                assertThat(e.get("actor_email").asString()).isEqualTo(ROOT);
            }
        }
        assertThat(actions).containsExactly("flags.definition_deleted", "flags.definition_updated", "flags.definition_created");
    }

    @Test
    void aTenantAdminsOverrideChangesTheirTenantOnlyAndIsAudited() {
        String root = api.token(ROOT);
        assertThat(put("/api/v1/flags/" + key, root, definition("on", null, true, "[]")).status()).isEqualTo(201);
        String demo = api.token("admin@demo.local");
        String acme = api.token("admin@acme.local");

        var bad = put("/api/v1/flags/" + key + "/override", demo, "{\"value\":\"yes\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemType()).isEqualTo("urn:verbatim:problem:invalid-flag-value");

        var set = put("/api/v1/flags/" + key + "/override", demo, "{\"value\":false}");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().get("value").asBoolean()).isFalse();
        assertThat(set.body().get("override").asBoolean()).isFalse();
        assertThat(set.body().get("reason").asString()).isEqualTo("OVERRIDE");

        // Acme is untouched, and sees nothing of demo's override.
        JsonNode acmeView = api.get("/api/v1/flags/" + key, acme).body();
        assertThat(acmeView.get("value").asBoolean()).isTrue();
        assertThat(acmeView.has("override")).isFalse();
        // Acme's admin clearing "their" override removes nothing of demo's.
        assertThat(api.delete("/api/v1/flags/" + key + "/override", acme).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/flags/" + key, demo).body().get("value").asBoolean()).isFalse();

        var demoLog = api.get("/api/v1/audit?action=flags.override_set", demo).body().get("items");
        assertThat(demoLog.get(0).get("target_id").asString()).isEqualTo(key);
        assertThat(demoLog.get(0).get("detail").get("value").asBoolean()).isFalse();
        assertThat(demoLog.get(0).get("actor_email").asString()).isEqualTo("admin@demo.local");
        var acmeLog = api.get("/api/v1/audit?action=flags", acme).body().get("items");
        for (JsonNode e : acmeLog) {
            assertThat(e.get("target_id").asString()).isNotEqualTo(key);
        }

        assertThat(api.delete("/api/v1/flags/" + key + "/override", demo).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/flags/" + key, demo).body().get("value").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/audit?action=flags.override_cleared", demo).body().get("items").get(0)
                .get("target_id").asString()).isEqualTo(key);
    }

    @Test
    void flagsThatAllowNoOverrideAreSetForATenantByPlatformAdminsOnly() {
        String root = api.token(ROOT);
        assertThat(put("/api/v1/flags/" + key, root, definition("on", null, false, "[]")).status()).isEqualTo(201);
        var refused = put("/api/v1/flags/" + key + "/override", api.token("admin@demo.local"), "{\"value\":false}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("urn:verbatim:problem:override-not-allowed");

        var set = asTenant("PUT", "/api/v1/flags/" + key + "/override", "acme", "{\"value\":false}");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/flags/" + key, api.token("admin@acme.local")).body().get("value").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/flags/" + key, api.token("admin@demo.local")).body().get("value").asBoolean()).isTrue();
        // Recorded in acme's log, as the platform admin.
        JsonNode entry = api.get("/api/v1/audit?action=flags.override_set", api.token("admin@acme.local")).body().get("items").get(0);
        assertThat(entry.get("target_id").asString()).isEqualTo(key);
        assertThat(entry.get("actor_type").asString()).isEqualTo("platform_admin");
    }

    @Test
    void targetingAndRolloutAreEvaluatedPerCallerAndPerTenant() {
        String root = api.token(ROOT);
        // Off by default, on for the admin role, and a rollout that covers exactly the tenants whose bucket is at most 50.
        assertThat(put("/api/v1/flags/" + key, root, definition("off", 50, false,
                "[{\"variant\":\"on\",\"roles\":[\"manager\"]}]")).status()).isEqualTo(201);
        for (String tenant : List.of("demo-tenant", "acme")) {
            String email = tenant.equals("acme") ? "admin@acme.local" : "admin@demo.local";
            JsonNode f = api.get("/api/v1/flags/" + key, api.token(email)).body();
            assertThat(f.get("value").asBoolean()).as(tenant).isEqualTo(Rollout.bucket(key, tenant) <= 50);
            assertThat(f.get("reason").asString()).isEqualTo("SPLIT");
        }
        assertThat(put("/api/v1/flags/" + key, root, definition("off", 0, false,
                "[{\"variant\":\"on\",\"roles\":[\"admin\"]}]")).status()).isEqualTo(200);
        JsonNode admin = api.get("/api/v1/flags/" + key, api.token("admin@demo.local")).body();
        assertThat(admin.get("value").asBoolean()).isTrue();
        assertThat(admin.get("reason").asString()).isEqualTo("TARGETING_MATCH");
        JsonNode operator = api.get("/api/v1/flags/" + key, root).body();
        assertThat(operator.get("value").asBoolean()).isFalse();
        assertThat(operator.get("targeting").get(0).get("roles").get(0).asString()).isEqualTo("admin");
    }

    @Test
    void aChangeMadeByAnotherNodeReachesThisNodesCache() throws Exception {
        String root = api.token(ROOT);
        assertThat(put("/api/v1/flags/" + key, root, definition("off", null, false, "[]")).status()).isEqualTo(201);
        String admin = api.token("admin@demo.local");
        assertThat(api.get("/api/v1/flags/" + key, admin).body().get("value").asBoolean()).isFalse();
        // Another node writes straight to the database; the version trigger tells this node's next check.
        jdbc.sql("UPDATE feature_flags SET default_variant = 'on' WHERE key = ?").param(key).update();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            seen = api.get("/api/v1/flags/" + key, admin).body().get("value").asBoolean();
            if (!seen) {
                Thread.sleep(250);
            }
        }
        assertThat(seen).as("the other node's change within the refresh interval").isTrue();
    }
}
