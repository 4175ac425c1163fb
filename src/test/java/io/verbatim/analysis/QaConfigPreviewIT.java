package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** "Test on this call": an edited, unsaved QA config scored on a stored conversation; nothing is saved. */
class QaConfigPreviewIT extends PlatformTest {

    private static final String PREVIEW = "/api/v1/analysis/qa-config/preview";

    private String body(JsonNode config, String conversationId) {
        ObjectNode body = api.json().createObjectNode();
        body.set("config", config);
        body.put("conversation_id", conversationId);
        return api.json().writeValueAsString(body);
    }

    @Test
    void anEditedConfigIsScoredOnTheCallAndNothingStoredChanges() {
        String admin = api.token("admin@demo.local");
        String id = WebFixture.calls(api).get("sup_003");
        var configBefore = api.get("/api/v1/analysis/qa-config", admin);
        var analysisBefore = api.get("/api/v1/conversations/" + id + "/analysis", admin);
        assertThat(analysisBefore.status()).isEqualTo(200);

        // Rename every scorecard: the preview must report the edited name, proving it scored the request's config.
        ObjectNode config = (ObjectNode) configBefore.body().deepCopy();
        for (JsonNode scorecard : config.get("scorecards")) {
            ((ObjectNode) scorecard).put("name", scorecard.path("name").asString(scorecard.get("key").asString()) + " (edited)");
        }
        var preview = api.post(PREVIEW, admin, body(config, id));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().get("conversation_id").asString()).isEqualTo(id);
        JsonNode scorecard = preview.body().get("scorecard");
        assertThat(scorecard.isObject()).as(preview.raw()).isTrue();
        assertThat(scorecard.get("name").asString()).endsWith(" (edited)");
        assertThat(scorecard.has("score")).isTrue();
        assertThat(scorecard.has("auto_failed")).isTrue();
        List<String> results = new ArrayList<>();
        scorecard.get("items").forEach(item -> results.add(item.get("result").asString()));
        assertThat(results).isNotEmpty().allMatch(r -> List.of("met", "not_met", "not_applicable").contains(r));
        assertThat(results).contains("met");
        JsonNode met = null;
        for (JsonNode item : scorecard.get("items")) {
            if ("met".equals(item.get("result").asString()) && !item.get("evidence").isEmpty()) {
                met = item;
            }
        }
        assertThat(met).as("a met item cites evidence").isNotNull();
        assertThat(met.get("evidence").get(0).get("quote").asString()).isNotBlank();

        // Nothing stored changed: the tenant's config and the conversation's analysis are as before.
        var configAfter = api.get("/api/v1/analysis/qa-config", admin);
        assertThat(configAfter.raw()).isEqualTo(configBefore.raw());
        assertThat(configAfter.header("x-verbatim-config-source")).isEqualTo(configBefore.header("x-verbatim-config-source"));
        assertThat(api.get("/api/v1/conversations/" + id + "/analysis", admin).raw()).isEqualTo(analysisBefore.raw());
    }

    @Test
    void anInvalidConfigIsRefusedWithThePathsOfItsErrors() {
        String admin = api.token("admin@demo.local");
        String id = WebFixture.calls(api).get("sup_003");
        JsonNode broken = api.json().readTree("""
                {"scorecards": [{"key": "", "sections": [{"key": "s", "items": [{"key": "i", "weight": -1,
                  "rule": {"type": "phrase", "any": ["hello"]}}]}]}]}""");
        var r = api.post(PREVIEW, admin, body(broken, id));
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.problemType()).isEqualTo("urn:verbatim:problem:invalid-qa-config");
        List<String> paths = new ArrayList<>();
        r.body().get("errors").forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths).anyMatch(p -> p.startsWith("$.scorecards[0]"));
        assertThat(paths).contains("$.scorecards[0].sections[0].items[0].weight");

        var notJson = api.post(PREVIEW, admin, "{\"config\": 42, \"conversation_id\": \"" + id + "\"}");
        assertThat(notJson.status()).as(notJson.raw()).isEqualTo(422);

        var noConversation = api.post(PREVIEW, admin, "{\"config\": {}}");
        assertThat(noConversation.status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsOfTheConversationsTenantMayPreview() {
        Map<String, String> calls = WebFixture.calls(api);
        String demoCall = calls.get("sup_003");
        JsonNode defaults = api.get("/api/v1/analysis/qa-config", api.token("admin@demo.local")).body();

        var acme = api.post(PREVIEW, api.token("admin@acme.local"), body(defaults, demoCall));
        assertThat(acme.status()).as(acme.raw()).isEqualTo(404);
        assertThat(acme.raw()).doesNotContain("scorecard\"");
        var unknown = api.post(PREVIEW, api.token("admin@demo.local"), body(defaults, "00000000-0000-4000-8000-000000000000"));
        assertThat(unknown.status()).isEqualTo(404);

        // The acme admin can preview acme's own call.
        var own = api.post(PREVIEW, api.token("admin@acme.local"), body(defaults, calls.get("acme:sup_005")));
        assertThat(own.status()).as(own.raw()).isEqualTo(200);

        for (String email : List.of("manager@demo.local", "exec@demo.local", "csr1@demo.local")) {
            var r = api.post(PREVIEW, api.token(email), body(defaults, demoCall));
            assertThat(r.status()).as(email).isEqualTo(403);
            assertThat(r.raw()).doesNotContain("\"items\"");
        }
    }
}
